package org.equireg.regularizer.transforms;

class Rot90Test extends TransformContract {
    @Override
    Transform create() {
        return Transforms.rot90(1);
    }

    @Override
    boolean invertible() {
        return true;
    }
}
