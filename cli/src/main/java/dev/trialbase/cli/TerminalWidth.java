package dev.trialbase.cli;

import java.io.File;
import java.util.concurrent.TimeUnit;

/**
 * The width of the terminal that standard output goes to, so tables fit it: {@code $COLUMNS}
 * when set, else what {@code stty size} says of the controlling terminal, else no limit (0)
 * — output to a file or a pipe is never cut.
 */
final class TerminalWidth {

  private static Integer cached;

  private TerminalWidth() {
  }

  static synchronized int columns() {
    if (cached == null) {
      cached = measure();
    }
    return cached;
  }

  private static int measure() {
    if (System.console() == null) {
      return 0;
    }
    String env = System.getenv("COLUMNS");
    if (env != null && env.matches("\\d+")) {
      return Integer.parseInt(env);
    }
    try {
      Process stty = new ProcessBuilder("stty", "size")
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      String out = new String(stty.getInputStream().readAllBytes()).trim();
      if (stty.waitFor(1, TimeUnit.SECONDS) && out.matches("\\d+ \\d+")) {
        return Integer.parseInt(out.split(" ")[1]);
      }
    } catch (Exception | Error noTerminal) {
      // fall through: no limit
    }
    return 0;
  }
}
