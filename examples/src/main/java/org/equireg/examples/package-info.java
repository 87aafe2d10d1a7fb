/**
 * Runnable programs that show what equireg is for.
 *
 * <ul>
 *   <li>{@link org.equireg.examples.digits.DigitsDemo}: the main job. A small CNN learns the UCI
 *       8x8 digits with and without a rotation-invariance regularizer; prints a table and writes
 *       an HTML report.</li>
 *   <li>{@link org.equireg.examples.shift.ShiftEquivarianceExample}: an MLP learns a circular
 *       convolution from few samples, with and without a shift-equivariance regularizer.</li>
 * </ul>
 *
 * <p>Sub-packages: {@code cli} (flags, progress bar, text table) and {@code report} (SVG charts and
 * HTML), which know nothing about digits.
 */
package org.equireg.examples;
