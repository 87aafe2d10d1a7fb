/**
 * equireg-regularizer: the equivariance regularizer with its transforms, distances, samplers and
 * reports. Reads {@code org.equireg.nn} (and through it {@code org.equireg.core}) transitively.
 */
module org.equireg.regularizer {
    requires transitive org.equireg.nn;

    exports org.equireg.regularizer;
    exports org.equireg.regularizer.samplers;
    exports org.equireg.regularizer.transforms;
    exports org.equireg.regularizer.lie;
}
