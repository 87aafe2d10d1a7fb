/**
 * The primitives of the autodiff engine, one class each with its forward and backward side by side;
 * {@link org.equireg.core.ops.Primitives} lists them all.
 */
package org.equireg.core.ops;
