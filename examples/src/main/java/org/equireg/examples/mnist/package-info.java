/**
 * The MNIST study ({@link org.equireg.examples.mnist.MnistStudy}): on 28x28 digits, does the
 * equivariance regularizer make a classifier robust to rotations compared with data augmentation
 * (study R), and can it learn from unlabeled images when only 100 are labeled (study S)?
 */
package org.equireg.examples.mnist;
