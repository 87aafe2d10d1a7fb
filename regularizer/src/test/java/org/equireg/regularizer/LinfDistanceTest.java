package org.equireg.regularizer;

class LinfDistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return Distance.LINF;
    }

    @Override
    boolean symmetric() {
        return true;
    }
}
