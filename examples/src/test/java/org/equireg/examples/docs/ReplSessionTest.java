package org.equireg.examples.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.equireg.core.Autograd;
import org.equireg.core.Tensor;
import org.equireg.nn.Init;
import org.equireg.nn.Linear;
import org.equireg.nn.Module;
import org.equireg.nn.Sequential;
import org.equireg.nn.Tanh;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a short scripted session through {@code scripts/jshell.sh}, with the JDK that runs this test,
 * and checks that JShell printed what the same code gives here: core, nn and regularizer are on the
 * class path, the imports are done ({@code Module} is equireg's, not {@code java.lang.Module}) and
 * the Vector API module is added. The pages' {@code ```text jshell} transcripts quote the session.
 */
class ReplSessionTest {
    private static final long TIMEOUT_MINUTES = 5;

    private static final List<String> SESSION = List.of(
            "Tensor x = Tensor.of(new double[] {1, 2, 3}, 3).requiresGrad(true)",
            "x.tanh().sum().backward()",
            "x.grad()",
            "Init.seed(0)",
            "Module model = new Sequential(new Linear(2, 3), new Tanh())",
            "model.parameters().size()",
            "EquivarianceError.builder(model, new int[] {2}, List.of(TransformPair.of(Transforms.identity(), "
                    + "Transforms.flip(-1), 0.0, 1.0))).seed(1).build().compute().item()",
            "org.equireg.core.kernels.Simd.vectorized()",
            // docs/ADDING_AN_OP.md, "Try it"
            "Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true)",
            "Tensor y = x.cumsum(1)",
            "y.mul(y).sum().backward()",
            "x.grad()",
            // docs/TOUR.md, "Gradients of gradients"
            "Tensor x = Tensor.of(new double[] {1.5, -2.0}, 2).requiresGrad(true)",
            "Tensor dx = Autograd.grad(List.of(x.pow(4).sum()), List.of(x), null, true).get(0)",
            "Autograd.grad(List.of(dx.sum()), List.of(x), null, false).get(0)",
            "/exit");

    @Test
    void scriptedSessionPrintsWhatTheLibraryComputes(@TempDir Path temp) throws IOException, InterruptedException {
        Tensor x = Tensor.of(new double[] {1, 2, 3}, 3).requiresGrad(true);
        x.tanh().sum().backward();
        Init.seed(0);
        Module model = new Sequential(new Linear(2, 3), new Tanh());
        double penalty = EquivarianceError.builder(model, new int[] {2},
                List.of(TransformPair.of(Transforms.identity(), Transforms.flip(-1), 0.0, 1.0))).seed(1).build()
                .compute().item();

        Tensor c = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        Tensor y = c.cumsum(1);
        y.mul(y).sum().backward();
        assertArrayEquals(new double[] {8, 6, 20, 14}, c.grad().toArray(), "the gradient docs/ADDING_AN_OP.md states");

        String output = run(temp);

        assertFalse(output.contains("|  Error"), "JShell reported an error:\n" + output);
        assertTrue(output.contains("$3 ==> " + x.grad()), "x.grad() missing:\n" + output);
        assertTrue(output.contains("$6 ==> " + model.parameters().size()), "parameter count missing:\n" + output);
        assertTrue(output.contains("$7 ==> " + penalty), "penalty " + penalty + " missing:\n" + output);
        assertTrue(output.contains("$8 ==> true"), "the Vector API kernels do not run:\n" + output);
        assertTrue(output.contains("$12 ==> " + c.grad()), "the cumsum gradient missing:\n" + output);
        Tensor point = Tensor.of(new double[] {1.5, -2.0}, 2).requiresGrad(true);
        Tensor first = Autograd.grad(List.of(point.pow(4).sum()), List.of(point), null, true).get(0);
        Tensor second = Autograd.grad(List.of(first.sum()), List.of(point), null, false).get(0);
        assertArrayEquals(new double[] {27, 48}, second.toArray(), "the second derivative docs/TOUR.md states");
        assertTrue(output.contains("$15 ==> " + second), "the second derivative missing:\n" + output);
        assertEquals(List.of(), unquotedLines(output), "jshell transcripts in the docs that this session does not print");
    }

    /**
     * Every {@code ```text jshell} block of every page: each {@code jshell> } line must be a line of
     * {@link #SESSION}, and each result line ({@code x ==> ...}) must be what the session printed.
     */
    private static List<String> unquotedLines(String output) throws IOException {
        String printed = Printed.canonical(output);
        List<String> problems = new ArrayList<>();
        int transcripts = 0;
        for (Markdown.Page page : Markdown.pages()) {
            for (Markdown.Block block : page.blocks()) {
                if (!block.info().equals("text jshell")) {
                    continue;
                }
                transcripts++;
                for (String line : block.lines()) {
                    if (line.startsWith("jshell> ") && !SESSION.contains(line.substring("jshell> ".length()))) {
                        problems.add(block + ": not in the session: " + line);
                    } else if (line.contains(" ==> ") && !printed.contains(Printed.canonical(line))) {
                        problems.add(block + ": the session does not print: " + line);
                    }
                }
            }
        }
        if (transcripts == 0) {
            problems.add("no ```text jshell block in README.md or docs/");
        }
        return problems;
    }

    /** Feeds {@link #SESSION} to the script on standard input; returns standard output. */
    private static String run(Path temp) throws IOException, InterruptedException {
        Path root = Markdown.root();
        Path errors = temp.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("scripts/jshell.sh").toString(),
                "--feedback", "normal").directory(temp.toFile()).redirectError(errors.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().write((String.join("\n", SESSION) + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES), "jshell.sh did not exit");
        assertEquals(0, process.exitValue(), "jshell.sh failed:\n" + output + Files.readString(errors));
        return output;
    }
}
