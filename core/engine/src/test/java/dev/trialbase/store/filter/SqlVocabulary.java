package dev.trialbase.store.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only words the filter compiler may write into SQL. A fragment that tokenises into these
 * words, operators and {@code :fN} placeholders and nothing else cannot carry user text.
 */
final class SqlVocabulary {

  static final Set<String> WORDS = Set.of(
      "exists", "select", "1", "from", "where", "and", "or", "not", "in", "like", "is", "null",
      "params", "p", "trial_metrics", "m",
      "t.run_id", "t.number", "t.status", "t.duration_ms", "t.objective", "t.error_message",
      "p.run_id", "p.trial_number", "p.name", "p.type", "p.value_num", "p.value_text",
      "m.run_id", "m.trial_number", "m.metric", "m.mean", "m.std",
      "'float'", "'int'", "'string'", "'bool'", "'null'",
      "=", "!=", "<", "<=", ">", ">=", "(", ")", ",");

  private static final Pattern TOKEN = Pattern.compile(
      "\\s+|\\?|'[a-z]+'|[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_]+)?|!=|<=|>=|[=<>(),]|\\d+");

  private SqlVocabulary() {
  }

  /** Asserts that {@code fragment} holds only vocabulary and one {@code ?} per value. */
  static void assertSafe(SqlFragment fragment) {
    String sql = fragment.sql();
    Matcher m = TOKEN.matcher(sql);
    int placeholders = 0;
    int pos = 0;
    while (pos < sql.length()) {
      m.region(pos, sql.length());
      assertThat(m.lookingAt()).as("unexpected text at %d in %s", pos, sql).isTrue();
      String token = m.group();
      if (token.equals("?")) {
        placeholders++;
      } else if (!token.isBlank()) {
        assertThat(WORDS).as("word in %s", sql).contains(token);
      }
      pos = m.end();
    }
    assertThat(placeholders).isEqualTo(fragment.params().size());
  }
}
