package org.equireg.regularizer.reliability;

import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * One row of {@link ValidationSweepTest}: the entry point it covers ({@link PublicApi}'s signature),
 * what is wrong with the argument, the call, the exception type it must raise and the fragments its
 * message must hold (the method, the argument, the offending value or shape).
 * <p>A row with a {@code gap} records a call that is <em>not yet</em> rejected clearly, and why;
 * the sweep checks that it still is not, so the row is promoted once someone fixes the gap.
 */
record SweepRow(String method, String bad, Class<? extends Exception> type, Executable call, List<String> fragments,
        String gap) {

    static SweepRow row(String method, String bad, Executable call, String... fragments) {
        return new SweepRow(method, bad, IllegalArgumentException.class, call, List.of(fragments), null);
    }

    static SweepRow row(String method, String bad, Class<? extends Exception> type, Executable call, String... fragments) {
        return new SweepRow(method, bad, type, call, List.of(fragments), null);
    }

    /** A call whose bad argument is not rejected clearly yet, for the reason given. */
    static SweepRow gap(String method, String bad, String reason, Executable call, String... fragments) {
        return new SweepRow(method, bad, IllegalArgumentException.class, call, List.of(fragments), reason);
    }

    String name() {
        return method + " <- " + bad;
    }
}
