package dev.trialbase.report;

import dev.trialbase.store.TrialView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The trials that ended without a score (failed, timeout, pruned), grouped by reason: status,
 * error class and message. Each group keeps its count and its first trial as an example.
 */
final class FailureGroups {

  /** Most groups listed; the rest are summed into one "other reasons" row. */
  static final int MAX_GROUPS = 50;

  /** One reason, how many trials ended for it, and the first such trial. */
  record Group(String status, String reason, String errorClass, long count, long example,
      Map<String, Object> exampleParams) {
  }

  private FailureGroups() {
  }

  /** True for trials counted here: ended, but not complete (running trials are not ended). */
  static boolean isFailure(String status) {
    return !status.equals("complete") && !status.equals("running");
  }

  /** The groups of {@code trials}, most frequent first (first seen first on ties). */
  static List<Group> of(List<TrialView> trials) {
    Map<List<String>, Group> groups = new LinkedHashMap<>();
    for (TrialView t : trials) {
      if (!isFailure(t.status())) {
        continue;
      }
      String reason = Objects.requireNonNullElse(t.errorMessage(), "(no message)");
      List<String> key = List.of(t.status(), Objects.requireNonNullElse(t.errorClass(), ""), reason);
      groups.merge(key, new Group(t.status(), reason, t.errorClass(), 1, t.number(),
              t.params().asMap()),
          (a, b) -> new Group(a.status(), a.reason(), a.errorClass(), a.count() + 1, a.example(),
              a.exampleParams()));
    }
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort((a, b) -> Long.compare(b.count(), a.count()));
    if (sorted.size() <= MAX_GROUPS) {
      return sorted;
    }
    List<Group> out = new ArrayList<>(sorted.subList(0, MAX_GROUPS - 1));
    List<Group> rest = sorted.subList(MAX_GROUPS - 1, sorted.size());
    long count = rest.stream().mapToLong(Group::count).sum();
    out.add(new Group("various", rest.size() + " other reasons", null, count,
        rest.get(0).example(), rest.get(0).exampleParams()));
    return out;
  }
}
