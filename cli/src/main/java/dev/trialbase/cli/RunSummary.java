package dev.trialbase.cli;

import dev.trialbase.engine.RunResult;
import dev.trialbase.store.RunStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints how a run ended: id, status, counts, best parameters and scores. */
final class RunSummary {

  private RunSummary() {
  }

  /** Prints {@code r} and returns the exit code it calls for. */
  static int print(PrintWriter out, Output.Format format, RunResult r) {
    return print(out, format, r, false);
  }

  /**
   * As above; a function run's best score is the function's, not a cross-validated one
   * ({@code function}).
   */
  static int print(PrintWriter out, Output.Format format, RunResult r, boolean function) {
    if (format == Output.Format.table) {
      out.printf("run %d %s: %d trials, %d failed%s (seed %d)%n", r.runId(), r.status().id(),
          r.trials(), r.failed() - r.pruned(), r.pruned() > 0 ? ", " + r.pruned() + " pruned"
              : "", r.seed());
      if (r.bestTrial() == null) {
        out.println("no trial completed; see 'trialbase trials " + r.runId() + "' for reasons");
      } else {
        out.printf("best trial %d: %s%n", r.bestTrial(),
            TerminalText.escape(String.valueOf(r.bestParams())));
        out.printf("best %s%s: %s%n", function ? "" : "CV ", r.objective(),
            Output.cell(r.bestScore()));
        Double test = r.testMetrics().get(r.objective());
        if (test != null) {
          out.printf("test %s: %s%n", r.objective(), Output.cell(test));
        }
      }
      if (r.status() == RunStatus.INTERRUPTED) {
        out.println("interrupted: 'trialbase resume " + r.runId() + "' runs the missing trials");
      }
      out.flush();
    } else {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("run", r.runId());
      record.put("status", r.status().id());
      record.put("seed", r.seed());
      record.put("trials", r.trials());
      record.put("failed", r.failed() - r.pruned());
      record.put("pruned", r.pruned());
      record.put("bestTrial", r.bestTrial());
      record.put("params", r.bestParams() == null ? Map.of() : r.bestParams().asMap());
      record.put("objective", r.objective());
      record.put("bestScore", Double.isFinite(r.bestScore()) ? r.bestScore() : null);
      record.put("test", r.testMetrics());
      Output.print(out, format, List.of(record));
    }
    return r.status() == RunStatus.COMPLETE ? ExitCode.OK : ExitCode.RUN_FAILED;
  }
}
