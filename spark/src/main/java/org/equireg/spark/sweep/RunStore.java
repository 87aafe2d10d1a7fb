package org.equireg.spark.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The finished runs of a sweep: one {@code runs/<id>.properties} file per run in the output
 * folder, each written to a temporary file and renamed into place, so a reader (or a rerun after a
 * crash) sees a run whole or not at all. A run's file is named by its {@link RunKey#id()}: writing
 * a run twice (a retried task, a rerun) replaces it, never adds a row.
 */
public final class RunStore {
    private static final String SUFFIX = ".properties";
    private final Path folder;

    /** The store in {@code output/runs}; the folder is created on first write. */
    public RunStore(Path output) {
        this.folder = output.resolve("runs");
    }

    /** The folder holding the run files. */
    public Path folder() {
        return folder;
    }

    /** Writes (or replaces) the run's file atomically. */
    public void write(RunRecord record) throws IOException {
        SweepFiles.writeAtomically(folder.resolve(record.key().id() + SUFFIX), encode(record));
    }

    /** Every run file in the folder by id (none when the folder does not exist). */
    public Map<String, RunRecord> readAll() throws IOException {
        Map<String, RunRecord> records = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return records;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                RunRecord record = read(file);
                records.put(record.key().id(), record);
            }
        }
        return records;
    }

    /** Reads one run file; a file that does not parse throws naming it. */
    public static RunRecord read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        try {
            return decode(properties);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a sweep run file: " + e.getMessage(), e);
        }
    }

    static String encode(RunRecord record) {
        Properties properties = new Properties();
        properties.setProperty("id", record.key().id());
        properties.setProperty("seed", Long.toString(record.key().seed()));
        int index = 0;
        for (Map.Entry<String, Object> setting : record.key().settings().values().entrySet()) {
            properties.setProperty("setting." + index + ".name", setting.getKey());
            properties.setProperty("setting." + index + ".value", typed(setting.getValue()));
            index++;
        }
        properties.setProperty("status", record.status().name());
        if (record.error() != null) {
            properties.setProperty("error", record.error());
        }
        properties.setProperty("seconds", Double.toString(record.seconds()));
        properties.setProperty("host", record.host() == null ? "" : record.host());
        index = 0;
        for (Map.Entry<String, Double> metric : record.metrics().entrySet()) {
            properties.setProperty("metric." + index + ".name", metric.getKey());
            properties.setProperty("metric." + index + ".value", Double.toString(metric.getValue()));
            index++;
        }
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "equireg sweep run " + record.key().label());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static RunRecord decode(Properties properties) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; properties.containsKey("setting." + i + ".name"); i++) {
            settings.put(properties.getProperty("setting." + i + ".name"), untyped(required(properties, "setting." + i + ".value")));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int i = 0; properties.containsKey("metric." + i + ".name"); i++) {
            metrics.put(properties.getProperty("metric." + i + ".name"), Double.valueOf(required(properties, "metric." + i + ".value")));
        }
        RunKey key = RunKey.of(new Settings(settings), Long.parseLong(required(properties, "seed")));
        if (!key.id().equals(properties.getProperty("id"))) {
            throw new IllegalArgumentException("id " + properties.getProperty("id") + " does not match its settings and seed ("
                    + key.id() + ")");
        }
        return new RunRecord(key, RunRecord.Status.valueOf(required(properties, "status")), properties.getProperty("error"),
                Double.parseDouble(required(properties, "seconds")), properties.getProperty("host"), metrics);
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("missing key '" + name + "'");
        }
        return value;
    }

    /** A setting with its type, so a reread run has the same id: "double:0.3", "long:5", "string:kl", "boolean:true". */
    private static String typed(Object value) {
        String type = value instanceof Double ? "double"
                : value instanceof Long ? "long"
                : value instanceof Boolean ? "boolean"
                : "string";
        return type + ":" + value;
    }

    private static Object untyped(String text) {
        int colon = text.indexOf(':');
        String value = text.substring(colon + 1);
        return switch (text.substring(0, Math.max(colon, 0))) {
            case "double" -> Double.valueOf(value);
            case "long" -> Long.valueOf(value);
            case "boolean" -> Boolean.valueOf(value);
            case "string" -> value;
            default -> throw new IllegalArgumentException("a setting value needs a type prefix, got '" + text + "'");
        };
    }
}
