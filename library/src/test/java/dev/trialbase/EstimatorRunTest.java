package dev.trialbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An estimator cross-validated on data is run through the same entry point: a spec built in
 * code and the same spec as a file give the same trials, with the test estimators loaded from
 * their real plugin jar.
 */
class EstimatorRunTest {

  static final Path TEST_PLUGINS = Path.of("..", "target", "test-plugins").toAbsolutePath()
      .normalize();

  @TempDir
  Path dir;

  private Path trainFile() throws IOException {
    List<String> rows = new ArrayList<>(List.of("a,b,y"));
    for (int i = 0; i < 30; i++) {
      rows.add((i * 0.05) + "," + (i % 7) + "," + (i % 2));
    }
    return Files.write(dir.resolve("train.csv"), rows);
  }

  @Test
  void aBuiltSpecAndTheSameSpecFileStoreTheSameTrials() throws IOException {
    Spec spec = Spec.builder()
        .experiment("tiny")
        .data(Map.of("train", trainFile().toString(), "target", "y"))
        .estimator("noop")
        .strategy("random")
        .space("x", Space.logRange(0.01, 100))
        .trials(6)
        .folds(3)
        .metrics(List.of("accuracy", "log_loss"))
        .seed(4)
        .build();
    Path file = Files.writeString(dir.resolve("tiny.json"), spec.toJson());
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"), List.of(TEST_PLUGINS))) {
      assertThat(tb.pluginProblems()).isEmpty();
      RunInfo built = tb.run(spec, 2);
      RunInfo fromFile = tb.run(file);
      assertThat(built.scorer()).isEqualTo("noop");
      assertThat(built.objective()).isEqualTo("accuracy");
      List<TrialInfo> a = tb.trials(built.id());
      assertThat(a).hasSize(6).allSatisfy(t ->
          assertThat(t.metrics()).containsOnlyKeys("accuracy", "log_loss"));
      assertThat(tb.trials(fromFile.id())).extracting(TrialInfo::params, TrialInfo::metrics)
          .isEqualTo(a.stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.params(),
              t.metrics())).toList());
      assertThat(tb.foldScores(built.id(), 0L).get("accuracy")).hasSize(3);
      assertThat(tb.reproduce(built.id(), 1).identical()).isTrue();
    }
  }
}
