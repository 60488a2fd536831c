package dev.trialbase.spec;

import static dev.trialbase.spec.SpecReader.require;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks and defaults of a spec that scores an objective function: it names the function and a
 * direction instead of data, an estimator, folds and metrics. Its {@code objective} is the
 * score's name (default {@code score}), free text rather than one of the metrics.
 */
final class FunctionSpecs {

  /** The score's name when the spec gives none. */
  static final String DEFAULT_SCORE = "score";
  /** A score name the {@code --where} and {@code --sort} languages can name. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private FunctionSpecs() {
  }

  static ExperimentSpec complete(Path file, ExperimentSpec s) {
    require(s.function().name() != null && !s.function().name().isBlank(),
        "'function.name' is missing, e.g. \"function\": {\"name\": \"quadratic\"}");
    require(s.data() == null, "'data' and 'function' exclude each other: a function run "
        + "reads no data");
    require(s.estimator() == null, "'estimator' and 'function' exclude each other; keep one");
    require(s.folds() == null, "'folds' is for estimator runs; a function reports steps, "
        + "set 'function.steps'");
    require(s.metrics() == null, "'metrics' is for estimator runs; a function returns one "
        + "score, named by 'objective'");
    require(s.strategy() != null && s.strategy().name() != null,
        "'strategy.name' is missing, e.g. \"strategy\": {\"name\": \"random\"}");
    require(s.pruner() == null || s.pruner().name() != null,
        "'pruner.name' is missing, e.g. \"pruner\": {\"name\": \"median\"}");
    require(s.trials() == null || s.trials() > 0,
        "'trials' must be at least 1, got " + s.trials());
    require(s.trialTimeoutSeconds() == null || s.trialTimeoutSeconds() > 0,
        "'trialTimeoutSeconds' must be positive, got " + s.trialTimeoutSeconds());
    int steps = s.function().steps() == null ? 1 : s.function().steps();
    require(steps >= 1, "'function.steps' must be at least 1, got " + steps);
    String objective = s.objective() == null ? DEFAULT_SCORE : s.objective();
    require(NAME.matcher(objective).matches(), "'objective' names a function's score: "
        + "letters, digits and '_', not starting with a digit; got '" + objective + "'");
    String direction = s.direction() == null ? "minimize" : s.direction();
    require(direction.equals("minimize") || direction.equals("maximize"),
        "'direction' must be minimize or maximize, got '" + direction + "'");
    String experiment = s.experiment() != null ? s.experiment()
        : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    ExperimentSpec.Function function = new ExperimentSpec.Function(s.function().name(),
        s.function().params(), steps);
    return new ExperimentSpec(experiment, s.description(), null, null, s.strategy(), s.space(),
        s.trials(), null, null, objective, s.seed(), s.trialTimeoutSeconds(), s.pruner(),
        function, direction);
  }
}
