package org.equireg.regularizer;

class CrossEntropyLogitsDistanceTest extends DistanceContract {
    @Override
    Distance create() {
        return Distance.CROSS_ENTROPY_LOGITS;
    }

    @Override
    boolean symmetric() {
        return true;
    }
}
