package org.equireg.regularizer.reliability;

import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * One row of {@link ValidationSweepTest}: the entry point it covers ({@link PublicApi}'s signature),
 * what is wrong with the argument, the call, the exception type it must raise and the fragments its
 * message must hold (the method, the argument, the offending value or shape).
 */
record SweepRow(String method, String bad, Class<? extends Exception> type, Executable call, List<String> fragments) {

    static SweepRow row(String method, String bad, Executable call, String... fragments) {
        return new SweepRow(method, bad, IllegalArgumentException.class, call, List.of(fragments));
    }

    static SweepRow row(String method, String bad, Class<? extends Exception> type, Executable call, String... fragments) {
        return new SweepRow(method, bad, type, call, List.of(fragments));
    }

    String name() {
        return method + " <- " + bad;
    }
}
