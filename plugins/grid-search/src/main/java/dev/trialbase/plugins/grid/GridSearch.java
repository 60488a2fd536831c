package dev.trialbase.plugins.grid;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Exhaustive search: trial {@code n} is the {@code n}-th point of the cartesian product of
 * the parameters, in declaration order with the last parameter varying fastest. Continuous
 * parameters need {@code points} (their {@code gridPoints}). Stateless and thread-safe.
 */
@Extension
public class GridSearch implements SearchStrategy {

  @Override
  public String name() {
    return "grid";
  }

  @Override
  public String description() {
    return "Every point of the space in order, last parameter varying fastest";
  }

  /**
   * @throws IllegalArgumentException naming the parameter, when a continuous parameter has no
   *     grid points, or when the grid has more than {@link Long#MAX_VALUE} points
   */
  @Override
  public Proposer start(SearchSpace space, StrategyOptions options) {
    List<String> names = new ArrayList<>();
    List<GridAxis> axes = new ArrayList<>();
    for (Map.Entry<String, Distribution> e : space.parameters().entrySet()) {
      names.add(e.getKey());
      axes.add(GridAxis.of(e.getKey(), e.getValue()));
    }
    return new GridProposer(names, axes);
  }
}
