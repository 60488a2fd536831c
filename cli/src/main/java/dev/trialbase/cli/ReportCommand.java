package dev.trialbase.cli;

import dev.trialbase.report.AtomicFile;
import dev.trialbase.report.HtmlReport;
import dev.trialbase.store.RunDetail;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trialbase report RUN [RUN...] [--out FILE]}: one self-contained HTML file of plots over
 * the runs (see {@link HtmlReport}). The file is written whole or not at all; a file that cannot
 * be written is one error line and exit 8.
 */
@Command(name = "report",
    description = "Write an HTML report of runs: plots, importance, failures, trials; "
        + "several runs are compared. Opens offline in any browser.")
final class ReportCommand extends QueryCommand {

  @Parameters(paramLabel = "RUN", arity = "1..*", description = "One or more run ids.")
  List<Long> runIds;

  @Option(names = "--out", paramLabel = "FILE",
      description = "The HTML file to write (default: trialbase-report-RUN[-RUN...].html "
          + "in the current folder); an existing file is replaced.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (new LinkedHashSet<>(runIds).size() != runIds.size()) {
      throw usage("a run is named twice: " + runIds);
    }
    List<RunDetail> runs = new ArrayList<>();
    for (long id : runIds) {
      runs.add(run(id));
    }
    String html = HtmlReport.render(queries(), runs);
    Path file = out != null ? out : Path.of(HtmlReport.defaultFileName(runIds));
    try {
      AtomicFile.write(file, html);
    } catch (IOException e) {
      command.commandLine().getErr().println("error: cannot write the report to " + file + ": "
          + reason(e, file));
      if (main.debug) {
        e.printStackTrace(command.commandLine().getErr());
      }
      command.commandLine().getErr().flush();
      return ExitCode.OUTPUT;
    }
    out().println(String.format(Locale.ROOT, "wrote %s (%,d KB): %s", file,
        (html.length() + 1023) / 1024, runs.size() == 1 ? "run " + runIds.get(0)
            : "runs " + runIds.toString().replaceAll("[\\[\\]]", "")));
    out().flush();
    return ExitCode.OK;
  }

  private static String reason(IOException e, Path file) {
    if (e instanceof NoSuchFileException) {
      Path folder = file.toAbsolutePath().getParent();
      return folder != null && Files.isDirectory(folder) ? "no file can be created there"
          : "its folder does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
