package org.equireg.regularizer.transforms;

class RollTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.roll(new int[] {1, -2}, new int[] {2, -1});
    }

    @Override
    boolean invertible() {
        return true;
    }
}
