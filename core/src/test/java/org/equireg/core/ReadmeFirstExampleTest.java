package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The first autodiff example of README.md, run as is: the README must quote what it prints. */
class ReadmeFirstExampleTest {

    @Test
    void readmeQuotesWhatTheExamplePrints() throws IOException {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        Tensor w = Tensor.of(new double[] {0.5, -1.0}, 2).requiresGrad(true);
        Tensor loss = x.matmul(w).tanh().pow(2).sum();   // sum(tanh(x w)^2)
        loss.backward();

        String readme = canonical(Files.readString(Path.of("..", "README.md")));
        for (Tensor printed : new Tensor[] {loss, x.grad(), w.grad()}) {
            assertTrue(readme.contains("\n" + canonical(printed.toString()) + "\n"), "README.md does not quote: " + printed);
        }
    }

    /**
     * Every decimal number re-printed by this JDK: JDK 19 changed {@code Double.toString} to the
     * shortest digits that round-trip, so the README (printed on JDK 17) and JDK 25 spell the same
     * double differently.
     */
    static String canonical(String text) {
        return NUMBER.matcher(text).replaceAll(match -> Double.toString(Double.parseDouble(match.group())));
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?");
}
