package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trialbase.store.Liveness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Databases for the report tests: the README's two Titanic runs (grid, then random), and a copy
 * whose grid run is still running (its pid is this JVM's) with some failed trials made pruned.
 */
final class ReportFixture {

  private static final JsonMapper JSON = new JsonMapper();

  private ReportFixture() {
  }

  /** Runs grid.json and random.json into a new database in {@code dir}. */
  static Path titanicRuns(Path dir) {
    Path db = dir.resolve("titanic.db");
    for (String spec : List.of("grid.json", "random.json")) {
      CliRunner.Result r = CliRunner.run("run",
          CliRunner.EXAMPLES.resolve("titanic").resolve(spec).toString(), "--db", db.toString(),
          "--no-progress");
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    return db;
  }

  /**
   * A copy of {@code db} in which run 1 is still running in this JVM, its failed trials
   * numbered below 20 were pruned instead, and trial 30 is not stored yet.
   */
  static Path runningWithPrunedTrials(Path db, Path dir) throws Exception {
    Path copy = dir.resolve("running.db");
    Files.copy(db, copy, StandardCopyOption.REPLACE_EXISTING);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        PreparedStatement run = c.prepareStatement("update runs set status = 'running', "
            + "ended_at = null, host = ?, pid = ? where id = 1");
        PreparedStatement pruned = c.prepareStatement("update trials set status = 'pruned' "
            + "where run_id = 1 and status = 'failed' and number < 20")) {
      run.setString(1, Liveness.localHost());
      run.setLong(2, ProcessHandle.current().pid());
      assertThat(run.executeUpdate()).isEqualTo(1);
      assertThat(pruned.executeUpdate()).isPositive();
      // A run in progress may have a gap: trial 30 not stored yet (a later one already is).
      for (String table : List.of("params", "trial_metrics")) { // fold scores live in trial_metrics
        try (PreparedStatement gap = c.prepareStatement(
            "delete from " + table + " where run_id = 1 and trial_number = 30")) {
          gap.executeUpdate();
        }
      }
      try (PreparedStatement gap = c.prepareStatement(
          "delete from trials where run_id = 1 and number = 30")) {
        assertThat(gap.executeUpdate()).isEqualTo(1);
      }
    }
    return copy;
  }

  /** Writes {@code report RUNS --out FILE} and returns the file. */
  static Path report(Path db, Path out, String... runs) {
    String[] args = new String[runs.length + 5];
    args[0] = "report";
    System.arraycopy(runs, 0, args, 1, runs.length);
    args[runs.length + 1] = "--db";
    args[runs.length + 2] = db.toString();
    args[runs.length + 3] = "--out";
    args[runs.length + 4] = out.toString();
    CliRunner.Result r = CliRunner.run(args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("wrote " + out);
    return out;
  }

  /** The report's data: the JSON the page embeds. */
  static JsonNode data(Path html) throws IOException {
    String page = Files.readString(html);
    String open = "<script type=\"application/json\" id=\"report-data\">";
    int from = page.indexOf(open) + open.length();
    return JSON.readTree(page.substring(from, page.indexOf("</script>", from)));
  }
}
