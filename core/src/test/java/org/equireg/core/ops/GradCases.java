package org.equireg.core.ops;

import java.util.stream.Stream;

/** Every gradient-check table of the op tests, for the coverage test to count. */
public final class GradCases {
    private GradCases() {
    }

    /** The rows of all tables, in a fixed order. */
    public static Stream<GradCase> all() {
        return Stream.of(ElementwiseGradTest.cases(), ReductionGradTest.cases(), FusedGradTest.cases(),
                MovementGradTest.cases()).flatMap(cases -> cases);
    }
}
