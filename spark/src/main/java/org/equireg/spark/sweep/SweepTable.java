package org.equireg.spark.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The sweep's results as a table: one row per run, in grid order (settings, then seed). Columns:
 * {@code run_id}, the settings, {@code seed}, {@code status}, {@code error}, {@code seconds},
 * {@code host}, then every metric any run returned (null where a run has none).
 */
public final class SweepTable {
    /** The columns every sweep has besides its settings and metrics. */
    public static final List<String> FIXED_COLUMNS = List.of("run_id", "seed", "status", "error", "seconds", "host");

    private final List<String> settingNames;
    private final List<Object> settingExamples;
    private final List<String> metricNames;
    private final List<RunRecord> records;

    /**
     * @param records the runs, in the order of the rows; all with the same setting names
     */
    public SweepTable(List<RunRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("SweepTable: no runs");
        }
        Settings first = records.get(0).key().settings();
        this.settingNames = first.names();
        this.settingExamples = new ArrayList<>(first.values().values());
        Set<String> metrics = new LinkedHashSet<>();
        for (RunRecord record : records) {
            if (!record.key().settings().names().equals(settingNames)) {
                throw new IllegalArgumentException("SweepTable: run " + record.key().label() + " has settings "
                        + record.key().settings().names() + ", the first run " + settingNames);
            }
            metrics.addAll(record.metrics().keySet());
        }
        this.metricNames = List.copyOf(metrics);
        Set<String> columns = new LinkedHashSet<>(FIXED_COLUMNS);
        for (String name : concat(settingNames, metricNames)) {
            if (!columns.add(name)) {
                throw new IllegalArgumentException("SweepTable: the name '" + name + "' is used twice among the columns "
                        + FIXED_COLUMNS + ", settings " + settingNames + " and metrics " + metricNames);
            }
        }
        this.records = List.copyOf(records);
    }

    /** The setting names, in column order. */
    public List<String> settingNames() {
        return settingNames;
    }

    /** The metric names, in column order. */
    public List<String> metricNames() {
        return metricNames;
    }

    /** The runs, in row order. */
    public List<RunRecord> records() {
        return records;
    }

    /** The Spark schema. */
    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("run_id", DataTypes.StringType, false));
        for (int i = 0; i < settingNames.size(); i++) {
            fields.add(DataTypes.createStructField(settingNames.get(i), sparkType(settingExamples.get(i)), false));
        }
        fields.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("seconds", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("host", DataTypes.StringType, true));
        for (String metric : metricNames) {
            fields.add(DataTypes.createStructField(metric, DataTypes.DoubleType, true));
        }
        return DataTypes.createStructType(fields);
    }

    /** The rows, matching {@link #schema()}. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (RunRecord record : records) {
            rows.add(RowFactory.create(cells(record).toArray()));
        }
        return rows;
    }

    /** The table as CSV (RFC 4180 quoting, a header line, empty cells for nulls, "\n" line ends). */
    public String csv() {
        StringBuilder text = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("run_id"));
        header.addAll(settingNames);
        header.addAll(List.of("seed", "status", "error", "seconds", "host"));
        header.addAll(metricNames);
        appendCsvLine(text, header);
        for (RunRecord record : records) {
            appendCsvLine(text, cells(record));
        }
        return text.toString();
    }

    private List<Object> cells(RunRecord record) {
        List<Object> cells = new ArrayList<>();
        cells.add(record.key().id());
        cells.addAll(record.key().settings().values().values());
        cells.add(record.key().seed());
        cells.add(record.status().name());
        cells.add(record.error());
        cells.add(record.seconds());
        cells.add(record.host());
        Map<String, Double> metrics = record.metrics();
        for (String metric : metricNames) {
            cells.add(metrics.get(metric));
        }
        return cells;
    }

    private static void appendCsvLine(StringBuilder text, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            text.append(i == 0 ? "" : ",").append(csvCell(cells.get(i)));
        }
        text.append('\n');
    }

    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String cell = value.toString();
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static DataType sparkType(Object example) {
        if (example instanceof Double) {
            return DataTypes.DoubleType;
        }
        if (example instanceof Long) {
            return DataTypes.LongType;
        }
        if (example instanceof Boolean) {
            return DataTypes.BooleanType;
        }
        return DataTypes.StringType;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
