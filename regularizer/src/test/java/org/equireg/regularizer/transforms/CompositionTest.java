package org.equireg.regularizer.transforms;

class CompositionTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.compose(Transforms.roll(1, 2), Transforms.flip(-1), Transforms.rot90(3));
    }

    @Override
    boolean invertible() {
        return true;
    }
}
