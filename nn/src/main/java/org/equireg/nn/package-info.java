/**
 * Neural-network building blocks on top of {@code org.equireg.core}, with PyTorch's names,
 * layouts and defaults: the {@link org.equireg.nn.Module} system with state dicts, layers
 * (Linear, Conv2d, pooling, normalisation, dropout, activations, {@link org.equireg.nn.Sequential}),
 * {@link org.equireg.nn.Init initialisation}, {@link org.equireg.nn.Losses losses},
 * {@link org.equireg.nn.Optimizer optimizers} (SGD, Adam, AdamW) with learning-rate schedules and
 * gradient clipping, and {@link org.equireg.nn.Checkpoint checkpoints}. Data loading lives in
 * {@link org.equireg.nn.data}.
 */
package org.equireg.nn;
