package dev.trialbase.store.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.store.RunQueries;
import dev.trialbase.store.TrialView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Robustness and safety of the filter language on many generated inputs. For arbitrary text
 * and for soups of grammar tokens, parsing either succeeds or throws {@link FilterException}
 * at a position inside the text; whatever parses compiles to SQL made only of {@link
 * SqlVocabulary} and placeholders, and runs against a real database without error. Filters
 * generated from the grammar round-trip through their printed form and select exactly the
 * trials {@link ReferenceEvaluator} selects in {@link TrialFixture}.
 *
 * <p>The inputs come from {@link SplittableRandom}s with fixed seeds, so every run checks the
 * same cases. A failure names the case's own seed and its input (as a Java string literal);
 * calling the test's generator on {@code new SplittableRandom(seed)} rebuilds the input.
 */
class FilterFuzzTest {

  @TempDir
  static Path dir;

  private static TrialFixture db;
  private static List<TrialView> trials;

  @BeforeAll
  static void createDatabase() {
    db = TrialFixture.create(dir);
    trials = new RunQueries(db.database).trials(db.run);
  }

  // ---- arbitrary input ----

  @Test
  void arbitraryTextParsesOrFailsCleanly() {
    forEachCase(0xF117_E201L, 1000, FilterFuzzTest::anyText, FilterFuzzTest::java,
        FilterFuzzTest::checkParsesSafely);
  }

  /** Characters of the filter grammar and a few around it. */
  private static final String FILTER_ALPHABET =
      "params.metricsCstd_x-\"' ()=<>!,;:*/\\%e0123456789+andornotinlikeisnull\n\t";

  @Test
  void textFromTheFilterAlphabetParsesOrFailsCleanly() {
    forEachCase(0xF117_E202L, 1000, FilterFuzzTest::nearlyFilter, FilterFuzzTest::java,
        FilterFuzzTest::checkParsesSafely);
  }

  /** Whole predicates, so that soups often parse. */
  private static final List<String> PREDICATES = List.of(
      "params.C >= 10", "params.penalty = 'l2'", "params.\"class weight\" != 'x'",
      "params.max_depth in (3, 'auto', true)", "params.penalty not like 'l%'",
      "metrics.accuracy > 0.85", "metrics.log_loss<=.2", "std.accuracy is not null",
      "status = 'failed'", "number not in (1, 2)", "duration > 500", "objective is null",
      "error like '%zero%'", "params.fit_intercept = false", "params.x = null");

  /** Single tokens of the grammar, and some that are not. */
  private static final List<String> TOKENS = List.of(
      "params.C", "params.penalty", "params.\"a\"\"b\"", "metrics.accuracy", "std.accuracy",
      "status", "number", "duration", "objective", "error", "=", "!=", "<>", "<", "<=", ">", ">=",
      "in", "NOT IN", "like", "is", "is not", "null", "true", "false", "'l2'", "'%2'",
      "'complete'", "'it''s'", "''", "10", "-1.5e3", ".5", "0", ",", ";", "drop", "table",
      "trials", "--", "/*", "'", "\"", "params.", "metrics.\"", "1e999", "select", "accuracy");

  private static final List<String> CONNECTIVES = List.of("and", "or", "AND", "Or", "not", "NOT");

  /** Some text and a sort to run it with. */
  private record Query(String text, Sort sort) {

    @Override
    public String toString() {
      return java(text) + " sorted by " + sort;
    }
  }

  @Test
  void tokenSoupsParseOrFailCleanlyAndRun() {
    long seed = 0xF117_E203L;
    int cases = 1500;
    int parsed = countCases(seed, cases,
        r -> new Query(tokenSoup(r), pick(r, SORTS)), Query::toString,
        q -> checkParsesSafelyAndRuns(q.text(), q.sort()));
    // Most soups fail; enough must parse that the query half of the check runs.
    assertThat(parsed * 100)
        .as("%d of %d token soups parse (base seed 0x%x)", parsed, cases, seed)
        .isGreaterThanOrEqualTo(5 * cases);
  }

  @Test
  void mutatedFiltersParseOrFailCleanlyAndRun() {
    long seed = 0xF117_E204L;
    int cases = 1500;
    int parsed = countCases(seed, cases,
        r -> new Query(mutatedFilter(r), pick(r, SORTS)), Query::toString,
        q -> checkParsesSafelyAndRuns(q.text(), q.sort()));
    assertThat(parsed * 100)
        .as("%d of %d mutated filters parse (base seed 0x%x)", parsed, cases, seed)
        .isGreaterThanOrEqualTo(20 * cases);
  }

  @Test
  void sortTextParsesOrFailsCleanly() {
    forEachCase(0xF117_E205L, 1000, FilterFuzzTest::nearlyFilter, FilterFuzzTest::java, text -> {
      try {
        Sort.parse(text);
      } catch (FilterException expected) {
        assertThat(expected.position()).isBetween(0, text.length());
        assertThat(expected.getMessage()).startsWith("at column " + (expected.position() + 1)
            + ": ");
      }
    });
  }

  private static boolean checkParsesSafelyAndRuns(String text, Sort sort) {
    Filter filter = checkParsesSafely(text);
    if (filter == null) {
      return false;
    }
    assertThat(TrialFilterQuery.numbers(db.database, db.run, filter, sort, 5, null))
        .hasSizeLessThanOrEqualTo(5);
    return true;
  }

  /** Parses; a failure must be a FilterException inside the text; a success must be safe. */
  private static Filter checkParsesSafely(String text) {
    Filter filter;
    try {
      filter = Filter.parse(text);
    } catch (FilterException e) {
      assertThat(e.position()).isBetween(0, text.length());
      assertThat(e.getMessage()).startsWith("at column " + (e.position() + 1) + ": ");
      return null;
    }
    SqlVocabulary.assertSafe(filter.toSql());
    return filter;
  }

  // ---- generated filters ----

  private static final List<Sort> SORTS = List.of(Sort.byNumber(), Sort.parse("accuracy"),
      Sort.parse("log_loss"), Sort.parse("accuracy:asc"), Sort.parse("objective"),
      Sort.parse("duration:desc"), Sort.parse("nope"));

  @Test
  void generatedFiltersRoundTripAndAreSafe() {
    forEachCase(0xF117_E206L, 1000, r -> expr(r, 3), e -> java(e.toString()), e -> {
      Filter parsed = Filter.parse(e.toString());
      assertThat(parsed.expression()).isEqualTo(e);
      SqlVocabulary.assertSafe(parsed.toSql());
    });
  }

  @Test
  void generatedFiltersSelectWhatTheReferenceSelects() {
    long seed = 0xF117_E207L;
    int cases = 1000;
    int someButNotAll = countCases(seed, cases, r -> expr(r, 3), e -> java(e.toString()),
        e -> {
          List<Long> expected = trials.stream()
              .filter(t -> ReferenceEvaluator.matches(e, t))
              .map(TrialView::number)
              .toList();
          assertThat(TrialFilterQuery.numbers(db.database, db.run,
              Filter.parse(e.toString()), null, null, null)).isEqualTo(expected);
          return !expected.isEmpty() && expected.size() < trials.size();
        });
    // Filters that select nothing or everything would agree with almost any compiler.
    assertThat(someButNotAll * 100)
        .as("%d of %d filters select some but not all trials (base seed 0x%x)", someButNotAll,
            cases, seed)
        .isGreaterThanOrEqualTo(20 * cases);
  }

  // ---- running cases ----

  /** As {@link #countCases} for a check without a count. */
  private static <T> void forEachCase(long seed, int cases,
      Function<SplittableRandom, T> generate, Function<T, String> show,
      Consumer<T> check) {
    countCases(seed, cases, generate, show, input -> {
      check.accept(input);
      return true;
    });
  }

  /**
   * Checks {@code cases} inputs, each generated from its own seed drawn from {@code seed}, and
   * returns for how many the check returned true. A failing check is reported with the case
   * index, both seeds and the input.
   */
  private static <T> int countCases(long seed, int cases, Function<SplittableRandom, T> generate,
      Function<T, String> show, Predicate<T> check) {
    SplittableRandom seeds = new SplittableRandom(seed);
    int count = 0;
    for (int i = 0; i < cases; i++) {
      long caseSeed = seeds.nextLong();
      T input = generate.apply(new SplittableRandom(caseSeed));
      try {
        if (check.test(input)) {
          count++;
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(String.format("case %d of %d (base seed 0x%x, case seed 0x%x)"
            + " failed for input %s:%n%s", i, cases, seed, caseSeed, show.apply(input), e), e);
      }
    }
    return count;
  }

  // ---- generators of text ----

  /**
   * Any text: mostly short, sometimes long, now and then around the length limit; made of
   * printable ASCII, characters the grammar uses (quotes, semicolons, operators), whitespace
   * of all kinds, control characters, other Unicode (lone surrogates included), characters
   * outside the BMP, and whole words of the grammar.
   */
  private static String anyText(SplittableRandom r) {
    int roll = r.nextInt(100);
    int length = roll < 3 ? 0
        : roll < 4 ? Parser.MAX_LENGTH - 5 + r.nextInt(10)
        : roll < 14 ? r.nextInt(80, 300)
        : r.nextInt(1, 80);
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      switch (weighted(r, 35, 15, 5, 8, 10, 5, 12)) {
        case 0 -> b.append((char) r.nextInt(0x20, 0x7f));
        case 1 -> b.append(pick(r, "'\";(),=<>!%_-.\\:*/+@#$"));
        case 2 -> b.append(pick(r, " \t\n\r\f\u000b\u00a0\u2028\u3000"));
        case 3 -> b.append((char) (r.nextBoolean() ? r.nextInt(0x20) : r.nextInt(0x7f, 0xa0)));
        case 4 -> b.append((char) r.nextInt(0xa0, 0x10000));
        case 5 -> b.appendCodePoint(r.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
        default -> b.append(pick(r, List.of("and ", "or ", "not ", "params.", "metrics.", "std.",
            "status ", "null", "in (", "like ", "is ", "1e5", "'", "drop table trials")));
      }
    }
    return b.toString();
  }

  /** Up to 60 characters of {@link #FILTER_ALPHABET}. */
  private static String nearlyFilter(SplittableRandom r) {
    int length = r.nextInt(61);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(pick(r, FILTER_ALPHABET));
    }
    return b.toString();
  }

  /**
   * 1 to 14 predicates, connectives, parentheses and stray tokens, joined by one separator;
   * short soups are the most common, so that a fair share parses.
   */
  private static String tokenSoup(SplittableRandom r) {
    int size = r.nextInt(1, 1 + r.nextInt(1, 15));
    List<String> pieces = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      pieces.add(switch (weighted(r, 5, 4, 2, 1)) {
        case 0 -> pick(r, PREDICATES);
        case 1 -> pick(r, CONNECTIVES);
        case 2 -> r.nextBoolean() ? "(" : ")";
        default -> pick(r, TOKENS);
      });
    }
    return String.join(pick(r, List.of(" ", " ", "", "\n")), pieces);
  }

  /** A valid filter with up to three tokens deleted, duplicated, swapped or inserted. */
  private static String mutatedFilter(SplittableRandom r) {
    List<String> tokens = new ArrayList<>(List.of(expr(r, 2).toString().split(" ")));
    int mutations = r.nextInt(4);
    for (int i = 0; i < mutations && !tokens.isEmpty(); i++) {
      int at = r.nextInt(tokens.size());
      switch (r.nextInt(4)) {
        case 0 -> tokens.remove(at);
        case 1 -> tokens.add(at, tokens.get(at));
        case 2 -> Collections.swap(tokens, at, r.nextInt(tokens.size()));
        default -> tokens.add(at, pick(r, TOKENS));
      }
    }
    return String.join(" ", tokens);
  }

  // ---- generators of filters ----

  /** A filter tree at most {@code depth} connectives deep, mostly predicates at each level. */
  private static Expr expr(SplittableRandom r, int depth) {
    if (depth == 0) {
      return predicate(r);
    }
    return switch (weighted(r, 4, 1, 1, 1)) {
      case 0 -> predicate(r);
      case 1 -> new Expr.Not(expr(r, depth - 1));
      case 2 -> new Expr.And(listOf(r, 2, 3, () -> expr(r, depth - 1)));
      default -> new Expr.Or(listOf(r, 2, 3, () -> expr(r, depth - 1)));
    };
  }

  private static final List<Field> NUMERIC_FIELDS = List.of(
      new Field(FieldKind.METRICS, "accuracy"), new Field(FieldKind.METRICS, "log_loss"),
      new Field(FieldKind.METRICS, "nope"), new Field(FieldKind.STD, "accuracy"),
      new Field(FieldKind.NUMBER, null), new Field(FieldKind.DURATION, null),
      new Field(FieldKind.OBJECTIVE, null));

  private static Expr predicate(SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> paramPredicate(r);
      case 1 -> numericPredicate(r, pick(r, NUMERIC_FIELDS));
      default -> textPredicate(r);
    };
  }

  private static final List<String> PARAM_NAMES = List.of("penalty", "C", "fit_intercept",
      "max_depth", "class weight", "missing");

  private static Expr paramPredicate(SplittableRandom r) {
    Field field = new Field(FieldKind.PARAMS, pick(r, PARAM_NAMES));
    return switch (r.nextInt(4)) {
      case 0 -> {
        Literal value = paramValue(r);
        // true and false compare with = and != only.
        CompareOp op = value instanceof Literal.Bool
            ? (r.nextBoolean() ? CompareOp.EQ : CompareOp.NE)
            : pick(r, CompareOp.values());
        yield new Expr.Compare(field, op, value);
      }
      case 1 -> new Expr.In(field, listOf(r, 1, 4, () -> paramValue(r)), r.nextBoolean());
      case 2 -> new Expr.Like(field, pattern(r), r.nextBoolean());
      default -> new Expr.IsNull(field, r.nextBoolean());
    };
  }

  private static Literal paramValue(SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> number(r);
      case 1 -> text(r);
      default -> new Literal.Bool(r.nextBoolean());
    };
  }

  private static Expr numericPredicate(SplittableRandom r, Field field) {
    return switch (r.nextInt(3)) {
      case 0 -> new Expr.Compare(field, pick(r, CompareOp.values()), number(r));
      case 1 -> new Expr.In(field, listOf(r, 1, 4, () -> number(r)), r.nextBoolean());
      default -> new Expr.IsNull(field, r.nextBoolean());
    };
  }

  private static final Field STATUS = new Field(FieldKind.STATUS, null);
  private static final Field ERROR = new Field(FieldKind.ERROR, null);
  private static final List<String> STATUSES = List.of("complete", "failed", "timeout");

  private static Expr textPredicate(SplittableRandom r) {
    return switch (r.nextInt(5)) {
      case 0 -> new Expr.Compare(STATUS, pick(r, CompareOp.values()),
          new Literal.Text(pick(r, STATUSES)));
      case 1 -> new Expr.In(STATUS, listOf(r, 1, 3, () -> new Literal.Text(pick(r, STATUSES))),
          r.nextBoolean());
      case 2 -> new Expr.Compare(ERROR, pick(r, CompareOp.values()), text(r));
      case 3 -> new Expr.Like(r.nextBoolean() ? STATUS : ERROR, pattern(r), r.nextBoolean());
      default -> new Expr.IsNull(r.nextBoolean() ? STATUS : ERROR, r.nextBoolean());
    };
  }

  private static final double[] NUMBERS = {-1.0, 0.0, 0.1, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 1.0,
      3.0, 5.0, 7.0, 9.0, 10.0, 100.0, 300.0, 700.0, 1e20};

  /**
   * Values near the fixture's (a fixed list), a number in [-20, 1200] with two decimals or,
   * now and then, all of a double's digits, or an integer 0 to 12.
   */
  private static Literal number(SplittableRandom r) {
    double value = switch (r.nextInt(3)) {
      case 0 -> NUMBERS[r.nextInt(NUMBERS.length)];
      case 1 -> r.nextInt(4) == 0
          ? r.nextDouble(-20, 1200)
          : Math.round(r.nextDouble(-20, 1200) * 100) / 100.0;
      default -> r.nextInt(13);
    };
    return new Literal.Num(value);
  }

  private static final List<String> TEXTS = List.of("l1", "l2", "L2", "none", "elasticnet",
      "auto", "10", "balanced", "/ by zero", "it's", "");

  /** Values of the fixture, or up to 6 ASCII characters (control characters included). */
  private static Literal text(SplittableRandom r) {
    if (r.nextBoolean()) {
      return new Literal.Text(pick(r, TEXTS));
    }
    int length = r.nextInt(7);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append((char) r.nextInt(0x80));
    }
    return new Literal.Text(b.toString());
  }

  private static final List<String> PATTERNS = List.of("l%", "%2", "L_", "%", "_", "%zero%",
      "a%b", "%l_", "1%", "%by%");

  /** LIKE patterns: some fixed, or up to 5 characters of {@code l2%_aL1. }. */
  private static String pattern(SplittableRandom r) {
    if (r.nextBoolean()) {
      return pick(r, PATTERNS);
    }
    int length = r.nextInt(6);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(pick(r, "l2%_aL1. "));
    }
    return b.toString();
  }

  // ---- small helpers ----

  private static <T> T pick(SplittableRandom r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  private static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static char pick(SplittableRandom r, String chars) {
    return chars.charAt(r.nextInt(chars.length()));
  }

  /** {@code min} to {@code max} values of {@code element}. */
  private static <T> List<T> listOf(SplittableRandom r, int min, int max, Supplier<T> element) {
    int size = r.nextInt(min, max + 1);
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(element.get());
    }
    return out;
  }

  /** An index into {@code weights}, drawn with chances proportional to them. */
  private static int weighted(SplittableRandom r, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int roll = r.nextInt(total);
    for (int i = 0; ; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
  }

  /** {@code s} as a Java string literal, so a failing input can be pasted into a test. */
  private static String java(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            b.append(c);
          } else {
            b.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
