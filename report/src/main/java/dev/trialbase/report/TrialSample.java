package dev.trialbase.report;

import dev.trialbase.store.TrialView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The trials the table, slice and parallel-coordinates plots show. Up to {@code limit} trials,
 * every one; beyond that, the {@code best} best complete trials plus evenly spaced others (every
 * k-th by trial number), so the file stays small and the page quick while the best region and
 * the whole course of the run stay visible. Deterministic: the same run gives the same sample.
 */
record TrialSample(List<TrialView> trials, String note) {

  /** The sample of {@code all} (by trial number) for a run maximising or minimising. */
  static TrialSample of(List<TrialView> all, boolean maximize, int limit, int best) {
    if (all.size() <= limit) {
      return new TrialSample(all, "all " + String.format(Locale.ROOT, "%,d", all.size())
          + " trials");
    }
    TreeSet<Long> chosen = new TreeSet<>();
    Comparator<TrialView> better = Comparator.comparingDouble(TrialView::objective);
    all.stream().filter(t -> t.objective() != null && Double.isFinite(t.objective()))
        .sorted(maximize ? better.reversed() : better)
        .limit(best)
        .forEach(t -> chosen.add(t.number()));
    int bestCount = chosen.size();
    int others = limit - bestCount;
    double step = (double) all.size() / others;
    for (int i = 0; i < others; i++) {
      chosen.add(all.get((int) Math.floor(i * step)).number());
    }
    List<TrialView> out = new ArrayList<>();
    for (TrialView t : all) {
      if (chosen.contains(t.number())) {
        out.add(t);
      }
    }
    String note = String.format(Locale.ROOT,
        "a sample of %,d of %,d trials: the %,d best and %,d others evenly spaced by number",
        out.size(), all.size(), bestCount, out.size() - bestCount);
    return new TrialSample(out, note);
  }

  boolean sampled(int total) {
    return trials.size() < total;
  }
}
