package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** The vector shape every vector kernel uses. Loaded only on the vector path (see {@link Simd}). */
final class VectorShape {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    private VectorShape() {
    }
}
