package dev.trialbase.plugins.weka;

import dev.trialbase.api.Estimator;
import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Task;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Weka's {@code weka.classifiers.functions.Logistic}: multinomial logistic regression with a
 * ridge (L2) penalty, optimised by BFGS or conjugate gradient. Takes nominal attributes,
 * missing values and any number of classes as Weka does; classification only. Accepts Weka's
 * parameter names and scikit-learn's; see {@link LogisticSettings} for how {@code C} maps to
 * the ridge and which combinations fail. {@code solver: liblinear} (and {@code saga} with
 * {@code l1}) runs LIBLINEAR instead, L1 or L2, as scikit-learn's liblinear does
 * ({@link LiblinearSettings}). Stateless and thread-safe.
 */
@Extension
public class WekaLogistic implements Estimator {

  static {
    // Before any Weka class initialises: Weka reads WEKA_HOME once.
    WekaHome.redirectIfUnset();
  }

  @Override
  public String name() {
    return "weka-logistic";
  }

  @Override
  public String description() {
    return "Weka logistic regression (L2), or LIBLINEAR's (L1/L2) with solver liblinear; "
        + "understands sklearn's C, penalty, solver";
  }

  /** Classification only: Logistic predicts classes, so a regression task is refused. */
  @Override
  public Set<Task> tasks() {
    return Set.of(Task.CLASSIFICATION);
  }

  @Override
  public List<ParamInfo> parameters() {
    return LogisticSettings.PARAMETERS;
  }

  @Override
  public Model create(ParamSet params) throws InvalidParamsException {
    if (LiblinearSettings.applies(params)) {
      return new LiblinearModel(LiblinearSettings.from(params));
    }
    return new LogisticModel(LogisticSettings.from(params));
  }
}
