package dev.trialbase.engine;

import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds an {@link ExecutorProvider} on the class path by name. */
public final class TrialExecutors {

  private TrialExecutors() {
  }

  /**
   * The provider called {@code name}.
   *
   * @throws ExecutorException when none on the class path has that name
   */
  public static ExecutorProvider provider(String name) {
    ServiceLoader<ExecutorProvider> found = ServiceLoader.load(ExecutorProvider.class);
    for (ExecutorProvider provider : found) {
      if (provider.name().equals(name)) {
        return provider;
      }
    }
    String known = found.stream().map(p -> p.get().name()).collect(Collectors.joining(", "));
    throw new ExecutorException("--executor " + name + " needs the trialbase-" + name
        + " module on the class path, which this installation lacks (the ./trialbase launcher "
        + "builds and adds it when the arguments say --executor " + name + "; see "
        + "docs/scale-out.md)" + (known.isEmpty() ? "" : "; available: " + known));
  }
}
