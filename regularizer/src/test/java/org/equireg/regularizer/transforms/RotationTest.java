package org.equireg.regularizer.transforms;

class RotationTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.rotate(0.5, Padding.ZEROS);
    }

    @Override
    boolean invertible() {
        return false;
    }
}
