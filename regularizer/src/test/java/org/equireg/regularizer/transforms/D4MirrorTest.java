package org.equireg.regularizer.transforms;

class D4MirrorTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.d4(3, true);
    }

    @Override
    boolean invertible() {
        return true;
    }
}
