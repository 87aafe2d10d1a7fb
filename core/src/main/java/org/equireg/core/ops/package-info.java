/**
 * The primitives of the autodiff engine, one class each with its forward (a kernel-facade call) and
 * its derivative rule (a formula over differentiable tensor ops) side by side, written once for both
 * element types: no op holds an array or branches on a dtype. The enum {@link org.equireg.core.ops.Op}
 * lists them all, the fused backward kernels included.
 */
package org.equireg.core.ops;
