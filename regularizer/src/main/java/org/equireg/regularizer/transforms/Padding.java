package org.equireg.regularizer.transforms;

/**
 * What an interpolating transform reads outside the image. PyTorch: the {@code padding_mode} of
 * {@code torch.nn.functional.grid_sample}.
 */
public enum Padding {
    /** Zero outside the image. PyTorch: {@code "zeros"}. */
    ZEROS,
    /** The nearest edge pixel: coordinates are clamped into the image. PyTorch: {@code "border"}. */
    BORDER
}
