package org.equireg.regularizer.transforms;

class ScaleTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.scale(0.8, Padding.BORDER);
    }

    @Override
    boolean invertible() {
        return false;
    }
}
