package dev.trialbase.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the real command line in-process and captures what it prints. */
public final class CliRunner {

  /** The bundled examples, from the cli module's folder. */
  public static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  public record Result(int exitCode, String out, String err) {
  }

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private CliRunner() {
  }
}
