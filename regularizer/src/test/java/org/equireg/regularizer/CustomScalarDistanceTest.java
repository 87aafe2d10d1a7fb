package org.equireg.regularizer;

class CustomScalarDistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return (a, b) -> a.sub(b).pow(2).mean();
    }

    @Override
    boolean symmetric() {
        return false;
    }
}
