package org.equireg.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A minimal Spark home for a test cluster: Spark's launcher starts executors with
 * {@code $SPARK_HOME/jars/*} as their class path, so {@code jars/} gets a link to every jar of the
 * test's class path and a jar of every class folder (the module's and the tests' classes).
 */
public final class SparkHome {
    private SparkHome() {
    }

    /** Fills {@code home/jars} from the test JVM's class path (surefire's, when it hides it in a manifest jar). */
    public static void build(Path home) throws IOException {
        Path jars = home.resolve("jars");
        if (Files.isDirectory(jars)) {
            try (Stream<Path> old = Files.list(jars)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(jars);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int index = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path source = Path.of(entry).toAbsolutePath();
            String name = String.format("%03d-%s", index++, source.getFileName());
            if (Files.isDirectory(source)) {
                jarFolder(source, jars.resolve(name + ".jar"));
            } else if (Files.isRegularFile(source) && entry.endsWith(".jar")) {
                Files.createSymbolicLink(jars.resolve(name), source);
            }
        }
    }

    private static void jarFolder(Path folder, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream stream = new JarOutputStream(out)) {
            for (Path file : files) {
                stream.putNextEntry(new JarEntry(folder.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, stream);
                stream.closeEntry();
            }
        }
    }
}
