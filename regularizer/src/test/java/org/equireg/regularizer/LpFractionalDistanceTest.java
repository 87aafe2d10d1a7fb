package org.equireg.regularizer;

class LpFractionalDistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return Distance.lp(1.5);
    }

    @Override
    boolean symmetric() {
        return true;
    }
}
