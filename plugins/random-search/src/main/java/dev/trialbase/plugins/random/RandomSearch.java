package dev.trialbase.plugins.random;

import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import org.pf4j.Extension;

/**
 * Random search: independent draws from every parameter, in declaration order, from the
 * random stream the engine derives for each trial. Unbounded; the spec's trial count stops
 * it. Stateless and thread-safe.
 */
@Extension
public class RandomSearch implements SearchStrategy {

  @Override
  public String name() {
    return "random";
  }

  @Override
  public String description() {
    return "Independent uniform (or log-uniform) draws per parameter, seeded per trial";
  }

  @Override
  public Proposer start(SearchSpace space, StrategyOptions options) {
    return new RandomProposer(space);
  }
}
