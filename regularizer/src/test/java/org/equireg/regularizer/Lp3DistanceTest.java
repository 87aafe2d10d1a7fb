package org.equireg.regularizer;

class Lp3DistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return Distance.lp(3);
    }

    @Override
    boolean symmetric() {
        return true;
    }
}
