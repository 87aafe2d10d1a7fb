/**
 * Tensors and reverse-mode automatic differentiation: {@link org.equireg.core.Tensor}, the
 * thread-local {@link org.equireg.core.GradMode}, {@link org.equireg.core.GradCheck} and safetensors I/O.
 */
package org.equireg.core;
