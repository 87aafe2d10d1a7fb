package org.equireg.regularizer.transforms;

import java.util.random.RandomGenerator;

/**
 * A family of transforms with a probability distribution on it, such as the rotations by an angle
 * uniform in [-30°, 30°]: {@link #draw} picks one element. The regularizer draws once per pair per
 * call, from its own seeded generator, so the same seed gives the same transforms.
 */
@FunctionalInterface
public interface RandomTransform {

    /**
     * One element of the family.
     *
     * @param random the source of randomness. Modified (advanced).
     */
    Transform draw(RandomGenerator random);
}
