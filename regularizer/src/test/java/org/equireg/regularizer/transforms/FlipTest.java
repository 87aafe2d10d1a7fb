package org.equireg.regularizer.transforms;

class FlipTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.flip(1, -1);
    }

    @Override
    boolean invertible() {
        return true;
    }
}
