package org.equireg.regularizer;

class L1DistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return Distance.L1;
    }

    @Override
    boolean symmetric() {
        return true;
    }
}
