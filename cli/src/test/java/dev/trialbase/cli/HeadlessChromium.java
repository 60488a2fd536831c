package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, for tests that open a report as a user would: from a file://
 * URL, with networking off (every host name resolves to nothing and every request goes to a
 * closed proxy port). {@link #load} returns the DOM after the page's scripts ran and the
 * console messages Chromium logged.
 */
final class HeadlessChromium {

  /** What a loaded page left: its DOM after scripts ran, and every console message. */
  record Page(String dom, List<String> console) {

    /** Each plot container's name ({@code data-plot}) and its markup up to the next one. */
    Map<String, String> plots() {
      Map<String, String> out = new LinkedHashMap<>();
      Matcher m = Pattern.compile("data-plot=\"([^\"]+)\"").matcher(dom);
      List<int[]> spans = new ArrayList<>();
      List<String> names = new ArrayList<>();
      while (m.find()) {
        names.add(m.group(1));
        spans.add(new int[] {m.end(), 0});
      }
      for (int i = 0; i < spans.size(); i++) {
        int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : dom.length();
        out.put(names.get(i), dom.substring(spans.get(i)[0], end));
      }
      return out;
    }
  }

  private final Path executable;

  private HeadlessChromium(Path executable) {
    this.executable = executable;
  }

  /**
   * The installed Chromium. Missing, the test fails on CI (CI=true: {@code .ci/run} installs
   * it) and is skipped elsewhere with a message saying how to install it.
   */
  static HeadlessChromium require() {
    Optional<Path> found = find();
    if (found.isEmpty()) {
      String message = "chromium is not installed (apt-get install -y chromium)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + "; CI=true, so the browser test must run");
      }
      Assumptions.abort(message + "; skipping the browser test (it runs on CI)");
    }
    return new HeadlessChromium(found.get());
  }

  private static Optional<Path> find() {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "chromium"));
        candidates.add(Path.of(dir, "chromium-browser"));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** Opens {@code html} and returns its DOM after the scripts ran, and the console lines. */
  Page load(Path html, Path scratch) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(scratch, "chromium-profile-");
    Path dom = scratch.resolve("dom-" + System.nanoTime() + ".html");
    Path log = scratch.resolve("chromium-" + System.nanoTime() + ".log");
    List<String> command = List.of(executable.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr", "--v=0", "--window-size=1280,900",
        "--virtual-time-budget=5000", "--dump-dom", html.toUri().toString());
    Process p = new ProcessBuilder(command).redirectOutput(dom.toFile())
        .redirectError(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      fail("chromium did not finish in 120 s; its log: " + Files.readString(log));
    }
    String stderr = Files.readString(log, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      fail("chromium exited with " + p.exitValue() + "; its log: " + stderr);
    }
    List<String> console = stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    return new Page(Files.readString(dom, StandardCharsets.UTF_8), console);
  }
}
