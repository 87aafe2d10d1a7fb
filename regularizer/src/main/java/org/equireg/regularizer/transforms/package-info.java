/**
 * Batched, differentiable actions on tensors: the {@code f_in} and {@code f_out} of an
 * equivariance pair.
 *
 * <p>A {@link org.equireg.regularizer.transforms.Transform} maps a batch {@code (batch, ...)} to a
 * batch, acting on every sample alike, built from core ops so gradients flow through it. Each one
 * is the action of an element of a group (roll, flips, quarter turns, permutations, orthogonal
 * matrices: {@link org.equireg.regularizer.transforms.Transform#inverse()} is present and exact) or
 * of a semigroup (translation with zero fill, rotation by an arbitrary angle with interpolation,
 * downsampling, blur: information is lost, so there is no inverse). A
 * {@link org.equireg.regularizer.transforms.RandomTransform} draws a transform from a family (a
 * rotation by a random angle), and a {@link org.equireg.regularizer.transforms.FiniteGroup}
 * enumerates all its elements. {@link org.equireg.regularizer.transforms.Transforms} holds the
 * factories.
 *
 * <p>Axes are axes of the batched tensor: axis 0 is the batch and may not be transformed;
 * negative axes count from the end, so {@code -2, -1} are an image's height and width whether or
 * not it has a channel axis.
 */
package org.equireg.regularizer.transforms;
