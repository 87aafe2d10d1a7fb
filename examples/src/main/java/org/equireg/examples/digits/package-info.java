/**
 * The digits demo, the main job: does the rotation-invariance regularizer make a small CNN on the
 * UCI 8x8 digits rotation invariant, and what does it cost? {@link org.equireg.examples.digits.DigitsDemo}
 * is the entry point; {@link org.equireg.examples.digits.RunSpec} names the runs,
 * {@link org.equireg.examples.digits.DigitsTrainer} trains one,
 * {@link org.equireg.examples.digits.RotationPenalty} builds the regularizer,
 * {@link org.equireg.examples.digits.Evaluation} measures accuracy and equivariance on the test set,
 * and {@link org.equireg.examples.digits.DigitsReport} writes the HTML report.
 * {@link org.equireg.examples.digits.DigitsSweep} shows how the fourth run's setting was chosen.
 */
package org.equireg.examples.digits;
