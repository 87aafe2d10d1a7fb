package org.equireg.regularizer.lie;

/**
 * One layer's share of a model's Lie derivative: {@code mean_i ||J_i L_i(x)||^2}, where L_i is the
 * layer's own Lie derivative at its input and J_i the Jacobian of the rest of the network at the
 * layer's output, estimated with random probes.
 *
 * @param index the layer's index in the {@code Sequential}
 * @param layer the layer's description
 * @param meanSquaredNorm the estimate of {@code mean_i ||J_i L_i(x_i)||^2} over the batch
 * @param standardError the probes' standard error of that estimate (NaN for one probe)
 */
public record LayerContribution(int index, String layer, double meanSquaredNorm, double standardError) {
}
