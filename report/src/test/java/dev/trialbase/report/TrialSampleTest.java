package dev.trialbase.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrialSampleTest {

  private static List<TrialView> trials(int n) {
    SplittableRandom random = new SplittableRandom(1);
    List<TrialView> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean failed = i % 10 == 3;
      out.add(new TrialView(i, failed ? "failed" : "complete", ParamSet.of(Map.of("x", i)),
          Map.of(), Map.of(), failed ? null : random.nextDouble(), 1.0, null, null));
    }
    return out;
  }

  @Test
  void aSmallRunIsShownWhole() {
    List<TrialView> all = trials(50);
    TrialSample sample = TrialSample.of(all, true, 100, 10);
    assertThat(sample.trials()).isEqualTo(all);
    assertThat(sample.sampled(50)).isFalse();
    assertThat(sample.note()).isEqualTo("all 50 trials");
  }

  @Test
  void aLargeRunKeepsItsBestTrialsAndAnEvenSpreadByNumber() {
    List<TrialView> all = trials(10_000);
    TrialSample max = TrialSample.of(all, true, 1_000, 100);
    TrialSample min = TrialSample.of(all, false, 1_000, 100);
    for (TrialSample sample : List.of(max, min)) {
      assertThat(sample.trials().size()).isBetween(900, 1_000);
      assertThat(sample.trials()).isSortedAccordingTo((a, b) -> Long.compare(a.number(), b.number()));
      assertThat(sample.trials().get(0).number()).isZero();
      assertThat(sample.trials().get(sample.trials().size() - 1).number()).isGreaterThan(9_900);
      assertThat(sample.note()).startsWith("a sample of ").contains("of 10,000 trials");
    }
    // The 100 highest objectives are all in the maximising sample, the 100 lowest in the other.
    List<TrialView> scored = all.stream().filter(t -> t.objective() != null)
        .sorted((a, b) -> Double.compare(a.objective(), b.objective())).toList();
    assertThat(max.trials()).containsAll(scored.subList(scored.size() - 100, scored.size()));
    assertThat(min.trials()).containsAll(scored.subList(0, 100));
    assertThat(TrialSample.of(all, true, 1_000, 100)).isEqualTo(max);
  }
}
