package org.equireg.regularizer.transforms;

class IdentityTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.identity();
    }

    @Override
    boolean invertible() {
        return true;
    }
}
