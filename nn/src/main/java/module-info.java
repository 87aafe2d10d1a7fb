/**
 * equireg-nn: modules, layers, losses, optimizers, initialisation, checkpoints and data loading,
 * with PyTorch's names and layouts. Reads {@code org.equireg.core} transitively, so a module that
 * requires this one can use {@code Tensor} without requiring core itself.
 */
module org.equireg.nn {
    requires transitive org.equireg.core;

    exports org.equireg.nn;
    exports org.equireg.nn.data;
}
