package org.equireg.regularizer.transforms;

class AffineTest extends TransformContract {
    @Override
    Transform create() {
        return Transforms.affine(new double[][] {{1.1, 0.3}, {-0.2, 0.9}}, new double[] {0.5, -0.25}, Padding.BORDER);
    }

    @Override
    boolean invertible() {
        return false;
    }
}
