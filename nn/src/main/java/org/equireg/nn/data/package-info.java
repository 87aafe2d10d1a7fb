/**
 * Data handling for training: {@link org.equireg.nn.data.TensorDataset},
 * {@link org.equireg.nn.data.DataLoader} (seeded shuffling, drop-last),
 * {@link org.equireg.nn.data.Split} (seeded train/test split) and {@link org.equireg.nn.data.Csv}
 * (numeric CSV, optionally gzipped). PyTorch: {@code torch.utils.data}.
 */
package org.equireg.nn.data;
