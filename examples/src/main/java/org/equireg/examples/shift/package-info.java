/**
 * The second example: shift equivariance for 1-D signals. An MLP learns a noisy circular
 * convolution from few samples seen only at some positions; the regularizer with
 * f_in = f_out = roll teaches it the symmetry, which shows on shifted test signals.
 */
package org.equireg.examples.shift;
