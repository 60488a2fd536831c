package dev.trialbase.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trialbase.api.SearchSpace;
import java.nio.file.Path;

/**
 * A checked spec with defaults filled in, and where it was read from: relative data paths
 * resolve against the spec's folder.
 */
public record LoadedSpec(Path file, ExperimentSpec spec, SearchSpace space) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** {@code path} from the spec, resolved against the spec file's folder. */
  public Path resolve(String path) {
    Path base = file.toAbsolutePath().getParent();
    return base.resolve(path).normalize();
  }

  public Path trainFile() {
    return resolve(spec.data().train());
  }

  /** The test file, or {@code null} when the spec has none. */
  public Path testFile() {
    return spec.data().test() == null ? null : resolve(spec.data().test());
  }

  /** This spec with {@code seed} as its seed. */
  public LoadedSpec withSeed(long seed) {
    return new LoadedSpec(file, spec.withSeed(seed), space);
  }

  /** This spec with the metrics and objective the run's task decided. */
  public LoadedSpec withMetrics(java.util.List<String> metrics, String objective) {
    return new LoadedSpec(file, spec.withMetrics(metrics, objective), space);
  }

  /** The spec as canonical JSON, as stored with a run. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed spec always serialises", e);
    }
  }
}
