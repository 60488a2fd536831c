package dev.trialbase.cli;

import dev.trialbase.eval.Metric;
import dev.trialbase.report.AtomicFile;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.TrialCursor;
import dev.trialbase.store.TrialView;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trialbase export RUN}: one row per trial shaped like scikit-learn's
 * {@code cv_results_} — {@code param_*}, {@code mean_test_*}, {@code std_test_*},
 * {@code rank_test_*} and {@code splitK_test_*} — for pandas or a spreadsheet.
 *
 * <p>Rows are read ({@link TrialCursor}, ranks by SQLite) and written ({@link RecordStream})
 * one at a time, so a run of millions of trials exports in a small heap. CSV reads the run
 * twice: once for the columns, which every row's keys decide, then for the rows.
 */
@Command(name = "export", description = "Export a run's trials as CSV or JSON, like cv_results_.")
final class ExportCommand extends QueryCommand {

  /** The formats export writes: a table is for reading, not exporting. */
  enum ExportFormat { csv, json }

  /** The header of an export with no trials. */
  private static final List<String> EMPTY_COLUMNS =
      List.of("number", "status", "duration_ms", "params", "error");

  @Parameters(paramLabel = "RUN", description = "The run id.")
  long runId;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
      description = "csv or json (default: ${DEFAULT-VALUE}).")
  ExportFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path out;

  @Override
  public Integer call() throws IOException {
    RunDetail run = run(runId);
    // A function run's score is ranked by the run's direction; a metric by its own.
    boolean maximizes = run.summary().maximize();
    Predicate<String> greaterIsBetter = m -> Metric.greaterIsBetter(m, maximizes);
    if (out == null) {
      write(out(), greaterIsBetter);
      out().flush();
    } else {
      long[] written = {0};
      AtomicFile.write(out, w -> written[0] = write(w, greaterIsBetter));
      command.commandLine().getErr().println("wrote " + written[0] + " trials of run "
          + run.summary().id() + " to " + out);
    }
    return ExitCode.OK;
  }

  /**
   * Writes the export to {@code target}, ranking each metric by {@code greaterIsBetter};
   * returns the number of trials written.
   */
  private long write(Writer target, Predicate<String> greaterIsBetter) throws IOException {
    if (format == ExportFormat.csv) {
      List<String> columns = csvColumns();
      if (columns.isEmpty()) {
        target.write(Output.csvLine(EMPTY_COLUMNS));
        target.flush();
        return 0;
      }
      try (RecordStream rows = RecordStream.csv(target, columns)) {
        return writeRows(rows, greaterIsBetter);
      }
    }
    try (RecordStream rows = RecordStream.json(target)) {
      return writeRows(rows, greaterIsBetter);
    }
  }

  private long writeRows(RecordStream rows, Predicate<String> greaterIsBetter)
      throws IOException {
    try (TrialCursor trials = TrialCursor.ranked(database(), runId, greaterIsBetter)) {
      while (trials.hasNext()) {
        rows.write(row(trials.next()));
      }
    }
    return rows.count();
  }

  /**
   * The CSV columns, as {@link Output} lays out the keys of every row: each distinct sequence
   * of keys is kept once, in order of first appearance, which lays them out the same.
   */
  private List<String> csvColumns() {
    Set<List<String>> shapes = new LinkedHashSet<>();
    try (TrialCursor trials = TrialCursor.open(database(), runId,
        TrialCursor.Metrics.SCORES)) {
      while (trials.hasNext()) {
        shapes.add(List.copyOf(row(trials.next()).keySet()));
      }
    }
    return Output.columns(new ArrayList<>(shapes));
  }

  /** One trial as a {@code cv_results_} row. */
  private Map<String, Object> row(TrialCursor.Row trial) {
    TrialView t = trial.trial();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("number", t.number());
    row.put("status", t.status());
    row.put("duration_ms", t.durationMs());
    t.params().asMap().forEach((name, value) -> row.put("param_" + name, value));
    row.put("params", format == ExportFormat.json ? t.params().asMap()
        : Output.compactJson(t.params().asMap()));
    for (String metric : t.means().keySet()) {
      row.put("mean_test_" + metric, t.means().get(metric));
      row.put("std_test_" + metric, t.stds().get(metric));
      row.put("rank_test_" + metric, trial.ranks().get(metric));
      List<Double> values = trial.folds().getOrDefault(metric, List.of());
      for (int k = 0; k < values.size(); k++) {
        row.put("split" + k + "_test_" + metric, values.get(k));
      }
    }
    row.put("error", t.errorMessage());
    return row;
  }
}
