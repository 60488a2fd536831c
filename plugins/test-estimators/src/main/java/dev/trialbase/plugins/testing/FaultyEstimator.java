package dev.trialbase.plugins.testing;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import java.util.List;
import org.pf4j.Extension;

/**
 * Fails the way real estimators do, chosen by the parameter {@code mode}: {@code ok} (predicts
 * class frequencies), {@code throw} (fit throws), {@code hang} (fit never returns),
 * {@code spin} (fit busy-loops for ever, ignoring interrupts, as a long Weka fit does),
 * {@code error} (fit throws an {@link AssertionError}, an {@code Error} that is not about the
 * JVM), {@code exit} and {@code halt} (fit ends the JVM: {@code System.exit(0)},
 * {@code Runtime.halt(7)}), {@code linger} (fit leaves a non-daemon thread behind and
 * succeeds), {@code oom} (fit runs out of memory), {@code invalid} (the parameters are refused),
 * {@code nan} and {@code negative} (the first row's prediction is not a probability
 * distribution, or not a finite number).
 */
@Extension
public class FaultyEstimator implements Estimator {

  /** Never set: keeps {@code spin} spinning without the loop being optimised away. */
  private static volatile boolean released;

  @Override
  public String name() {
    return "faulty";
  }

  @Override
  public String description() {
    return "fails on request (mode: ok, throw, error, nan, negative, hang, spin, exit, halt, linger, oom, invalid); for error-handling tests";
  }

  @Override
  public java.util.Set<dev.trialbase.api.Task> tasks() {
    return java.util.EnumSet.allOf(dev.trialbase.api.Task.class);
  }

  @Override
  public List<ParamInfo> parameters() {
    return List.of(new ParamInfo("mode", "string", "ok", "ok, throw, error, nan, negative, hang, spin, exit, halt, linger, oom or invalid"));
  }

  @Override
  public Model create(ParamSet params) throws InvalidParamsException {
    String mode = params.has("mode") ? params.getString("mode") : "ok";
    return switch (mode) {
      case "ok" -> new PriorModel();
      case "invalid" -> throw new InvalidParamsException("mode 'invalid' is refused on purpose");
      case "throw" -> new PriorModel() {
        @Override
        public void fit(Dataset train, long seed) {
          throw new IllegalStateException("fit failed on purpose");
        }
      };
      case "error" -> new PriorModel() {
        @Override
        public void fit(Dataset train, long seed) {
          throw new AssertionError("fit failed on purpose");
        }
      };
      case "spin" -> new PriorModel() {
        @Override
        public void fit(Dataset train, long seed) {
          while (!released) {
            Thread.onSpinWait();
          }
        }
      };
      case "exit" -> new PriorModel() {
        @Override
        public void fit(Dataset train, long seed) {
          System.exit(0);
        }
      };
      case "halt" -> new PriorModel() {
        @Override
        public void fit(Dataset train, long seed) {
          Runtime.getRuntime().halt(7);
        }
      };
      case "linger" -> new PriorModel() {
        @Override
        public void fit(Dataset train, long seed) throws Exception {
          Thread left = new Thread(() -> {
            try {
              Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }, "left-behind-by-faulty");
          left.setDaemon(false);
          left.start();
          super.fit(train, seed);
        }
      };
      case "nan" -> new PriorModel() {
        @Override
        public double[][] predictProbabilities(Dataset data) {
          double[][] out = super.predictProbabilities(data);
          out[0] = new double[out[0].length];
          java.util.Arrays.fill(out[0], Double.NaN);
          return out;
        }

        @Override
        public double[] predictValues(Dataset data) {
          double[] out = super.predictValues(data);
          out[0] = Double.NaN;
          return out;
        }
      };
      case "negative" -> new PriorModel() {
        @Override
        public double[][] predictProbabilities(Dataset data) {
          double[][] out = super.predictProbabilities(data);
          out[0] = new double[out[0].length];
          out[0][0] = -0.5;
          out[0][1] = 1.5;
          return out;
        }
      };
      case "hang" -> new PriorModel() {
        @Override
        public void fit(Dataset train, long seed) throws InterruptedException {
          Thread.sleep(Long.MAX_VALUE);
        }
      };
      case "oom" -> new PriorModel() {
        @Override
        public void fit(Dataset train, long seed) {
          // 16 GiB at once: beyond any test or CLI heap, so the JVM refuses it immediately.
          long[] hog = new long[Integer.MAX_VALUE - 16];
          hog[0] = seed;
        }
      };
      default -> throw new InvalidParamsException("unknown mode '" + mode
          + "'; modes: ok, throw, error, nan, negative, hang, spin, exit, halt, linger, oom, "
          + "invalid");
    };
  }
}
