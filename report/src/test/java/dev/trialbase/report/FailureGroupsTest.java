package dev.trialbase.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureGroupsTest {

  private static TrialView trial(long n, String status, String message) {
    return new TrialView(n, status, ParamSet.of(Map.of("n", n)), Map.of(), Map.of(),
        status.equals("complete") ? 0.5 : null, 1.0,
        message == null ? null : "dev.trialbase.api.InvalidParamsException", message);
  }

  @Test
  void failuresAreGroupedByStatusAndReasonWithCountsAndTheFirstTrial() {
    List<TrialView> trials = List.of(trial(0, "complete", null), trial(1, "failed", "l1"),
        trial(2, "failed", "sag"), trial(3, "failed", "sag"), trial(4, "pruned", null),
        trial(5, "timeout", "over 60 s"), trial(6, "running", null), trial(7, "failed", "l1"),
        trial(8, "failed", "sag"));
    List<FailureGroups.Group> groups = FailureGroups.of(trials);
    assertThat(groups).extracting(FailureGroups.Group::reason)
        .containsExactly("sag", "l1", "(no message)", "over 60 s");
    assertThat(groups).extracting(FailureGroups.Group::count).containsExactly(3L, 2L, 1L, 1L);
    assertThat(groups).extracting(FailureGroups.Group::example).containsExactly(2L, 1L, 4L, 5L);
    assertThat(groups.get(2).status()).isEqualTo("pruned");
    assertThat(groups.get(0).exampleParams()).isEqualTo(Map.of("n", 2L));
  }

  @Test
  void manyReasonsEndInOneRowForTheRest() {
    List<TrialView> trials = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      trials.add(trial(i, "failed", "reason " + i));
    }
    List<FailureGroups.Group> groups = FailureGroups.of(trials);
    assertThat(groups).hasSize(FailureGroups.MAX_GROUPS);
    FailureGroups.Group rest = groups.get(groups.size() - 1);
    assertThat(rest.reason()).isEqualTo("31 other reasons");
    assertThat(rest.count()).isEqualTo(31);
    assertThat(groups.stream().mapToLong(FailureGroups.Group::count).sum()).isEqualTo(80);
  }
}
