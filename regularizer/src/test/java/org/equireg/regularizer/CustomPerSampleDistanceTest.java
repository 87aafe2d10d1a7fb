package org.equireg.regularizer;

class CustomPerSampleDistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return (a, b) -> a.sub(b).pow(2).sum(1, false);
    }

    @Override
    boolean symmetric() {
        return false;
    }
}
