package org.equireg.regularizer.transforms;

class BlurTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.gaussianBlur(1.0, 1);
    }

    @Override
    boolean invertible() {
        return false;
    }
}
