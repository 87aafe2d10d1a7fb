package org.equireg.regularizer;

class L2DistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return Distance.L2;
    }

    @Override
    boolean symmetric() {
        return true;
    }
}
