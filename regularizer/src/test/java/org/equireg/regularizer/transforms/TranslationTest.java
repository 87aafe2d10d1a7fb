package org.equireg.regularizer.transforms;

class TranslationTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.translate(new int[] {1, -2}, new int[] {-2, -1});
    }

    @Override
    boolean invertible() {
        return false;
    }
}
