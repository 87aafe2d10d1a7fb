/**
 * Data handling for training: {@link org.equireg.nn.data.TensorDataset},
 * {@link org.equireg.nn.data.DataLoader} (seeded shuffling, drop-last),
 * {@link org.equireg.nn.data.Split} (seeded train/test split), {@link org.equireg.nn.data.Csv}
 * (numeric CSV, optionally gzipped) and {@link org.equireg.nn.data.Idx} (the IDX files of MNIST).
 * PyTorch: {@code torch.utils.data}.
 */
package org.equireg.nn.data;
