package org.equireg.spark.sweep;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a sweep left behind.
 *
 * @param runs    one row per run of the sweep, in grid order (see {@link SweepTable} for the columns)
 * @param table   the same rows as plain Java records, for reports and tests
 * @param output  the output folder: {@code runs/}, {@code results.csv}, {@code results.parquet/}, {@code report.html}
 * @param skipped runs found finished in the output folder and not run again
 * @param ran     runs this call ran
 * @param failed  runs of the whole sweep that failed (with their error in the table)
 */
public record SweepResult(Dataset<Row> runs, SweepTable table, Path output, int skipped, int ran, int failed) {
}
