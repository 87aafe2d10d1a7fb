/**
 * equireg-core: tensors, reverse-mode autodiff, gradient checking and safetensors I/O.
 *
 * <p>The SIMD kernels use {@code jdk.incubator.vector} when the JVM is started with
 * {@code --add-modules jdk.incubator.vector}; the dependency is optional ({@code requires static}),
 * so without it the module runs its scalar kernels. The kernels and the primitives behind
 * {@code Tensor}'s methods ({@code org.equireg.core.kernels}, {@code org.equireg.core.ops}) are
 * internal: the kernels are not exported, and the primitives only to {@code org.equireg.nn}, whose
 * {@code Sequential} records a layer and its activation as one fused primitive.
 */
module org.equireg.core {
    requires static jdk.incubator.vector;

    exports org.equireg.core;
    exports org.equireg.core.io;
    exports org.equireg.core.ops to org.equireg.nn;
}
