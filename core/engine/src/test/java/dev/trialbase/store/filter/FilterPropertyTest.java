package dev.trialbase.store.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.store.RunQueries;
import dev.trialbase.store.TrialView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Robustness and safety of the filter language. For arbitrary text and for soups of grammar
 * tokens, parsing either succeeds or throws {@link FilterException}; whatever parses compiles
 * to SQL made only of {@link SqlVocabulary} and placeholders, and runs against a real
 * database without error. Filters generated from the grammar round-trip through their
 * printed form and select exactly the trials {@link ReferenceEvaluator} selects.
 */
class FilterPropertyTest {

  private static Path dir;
  private static TrialFixture db;
  private static List<TrialView> trials;

  @BeforeContainer
  static void createDatabase() throws IOException {
    dir = Files.createTempDirectory("filter-properties");
    db = TrialFixture.create(dir);
    trials = new RunQueries(db.database).trials(db.run);
  }

  @AfterContainer
  static void deleteDatabase() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  // ---- arbitrary input ----

  @Property(tries = 1000)
  void arbitraryTextParsesOrFailsCleanly(@ForAll String text) {
    checkParsesSafely(text);
  }

  @Provide
  Arbitrary<String> nearlyFilters() {
    return Arbitraries.strings()
        .withChars("params.metricsCstd_x-\"' ()=<>!,;:*/\\%e0123456789+andornotinlikeisnull\n\t")
        .ofMaxLength(60);
  }

  @Property(tries = 1000)
  void textFromTheFilterAlphabetParsesOrFailsCleanly(@ForAll("nearlyFilters") String text) {
    checkParsesSafely(text);
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

  @Provide
  Arbitrary<String> tokenSoups() {
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.of(PREDICATES)),
        Tuple.of(4, Arbitraries.of("and", "or", "AND", "Or", "not", "NOT")),
        Tuple.of(2, Arbitraries.of("(", ")")),
        Tuple.of(1, Arbitraries.of(TOKENS)));
    return Combinators.combine(piece.list().ofMinSize(1).ofMaxSize(14),
            Arbitraries.of(" ", " ", "", "\n"))
        .as((pieces, separator) -> String.join(separator, pieces));
  }

  @Property(tries = 1500, edgeCases = EdgeCasesMode.MIXIN)
  void tokenSoupsParseOrFailCleanlyAndRun(@ForAll("tokenSoups") String text,
      @ForAll("sorts") Sort sort) {
    checkParsesSafelyAndRuns(text, sort);
  }

  /** Valid filters with up to three tokens deleted, duplicated, swapped or inserted. */
  @Provide
  Arbitrary<String> mutatedFilters() {
    return Combinators.combine(expr(2).map(Expr::toString), Arbitraries.integers().between(0, 3),
        Arbitraries.randoms()).as(FilterPropertyTest::mutate);
  }

  private static String mutate(String text, int mutations, Random random) {
    List<String> tokens = new ArrayList<>(List.of(text.split(" ")));
    for (int i = 0; i < mutations && !tokens.isEmpty(); i++) {
      int at = random.nextInt(tokens.size());
      switch (random.nextInt(4)) {
        case 0 -> tokens.remove(at);
        case 1 -> tokens.add(at, tokens.get(at));
        case 2 -> Collections.swap(tokens, at, random.nextInt(tokens.size()));
        default -> tokens.add(at, TOKENS.get(random.nextInt(TOKENS.size())));
      }
    }
    return String.join(" ", tokens);
  }

  @Property(tries = 1500, edgeCases = EdgeCasesMode.MIXIN)
  void mutatedFiltersParseOrFailCleanlyAndRun(@ForAll("mutatedFilters") String text,
      @ForAll("sorts") Sort sort) {
    boolean parsed = checkParsesSafelyAndRuns(text, sort);
    Statistics.label("parses").collect(parsed);
    Statistics.label("parses").coverage(c -> c.check(true).percentage(p -> p >= 20));
  }

  private static boolean checkParsesSafelyAndRuns(String text, Sort sort) {
    Filter filter = checkParsesSafely(text);
    if (filter == null) {
      return false;
    }
    assertThat(TrialFilterQuery.numbers(db.database.jdbi(), db.run, filter, sort, 5, null))
        .hasSizeLessThanOrEqualTo(5);
    return true;
  }

  @Property(tries = 300)
  void sortTextParsesOrFailsCleanly(@ForAll("nearlyFilters") String text) {
    try {
      Sort.parse(text);
    } catch (FilterException expected) {
      assertThat(expected.position()).isBetween(0, text.length());
    }
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

  @Provide
  Arbitrary<Sort> sorts() {
    return Arbitraries.of(Sort.byNumber(), Sort.parse("accuracy"), Sort.parse("log_loss"),
        Sort.parse("accuracy:asc"), Sort.parse("objective"), Sort.parse("duration:desc"),
        Sort.parse("nope"));
  }

  @Provide
  Arbitrary<Expr> filters() {
    return expr(3);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
  void generatedFiltersRoundTripAndAreSafe(@ForAll("filters") Expr e) {
    Filter parsed = Filter.parse(e.toString());
    assertThat(parsed.expression()).isEqualTo(e);
    SqlVocabulary.assertSafe(parsed.toSql());
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
  void generatedFiltersSelectWhatTheReferenceSelects(@ForAll("filters") Expr e) {
    List<Long> expected = trials.stream()
        .filter(t -> ReferenceEvaluator.matches(e, t))
        .map(TrialView::number)
        .toList();
    Statistics.label("selects some but not all").collect(!expected.isEmpty()
        && expected.size() < trials.size());
    Statistics.label("selects some but not all")
        .coverage(c -> c.check(true).percentage(p -> p >= 20));
    assertThat(TrialFilterQuery.numbers(db.database.jdbi(), db.run, Filter.parse(e.toString()),
        null, null, null)).as(e.toString()).isEqualTo(expected);
  }

  private Arbitrary<Expr> expr(int depth) {
    if (depth == 0) {
      return predicate();
    }
    Arbitrary<Expr> sub = expr(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(4, predicate()),
        Tuple.of(1, sub.map(Expr.Not::new)),
        Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(3).map(Expr.And::new)),
        Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(3).map(Expr.Or::new)));
  }

  private Arbitrary<Expr> predicate() {
    return Arbitraries.oneOf(
        paramPredicate(),
        numericPredicate(Arbitraries.of(new Field(FieldKind.METRICS, "accuracy"),
            new Field(FieldKind.METRICS, "log_loss"), new Field(FieldKind.METRICS, "nope"),
            new Field(FieldKind.STD, "accuracy"), new Field(FieldKind.NUMBER, null),
            new Field(FieldKind.DURATION, null), new Field(FieldKind.OBJECTIVE, null))),
        textPredicate());
  }

  private Arbitrary<Expr> paramPredicate() {
    Arbitrary<Field> fields = Arbitraries.of("penalty", "C", "fit_intercept", "max_depth",
        "class weight", "missing").map(n -> new Field(FieldKind.PARAMS, n));
    Arbitrary<Literal> values = Arbitraries.oneOf(numbers(), texts(), booleans());
    return Arbitraries.oneOf(
        Combinators.combine(fields, Arbitraries.of(CompareOp.class), values)
            .filter((f, op, v) -> op.isEquality() || !(v instanceof Literal.Bool))
            .as(Expr.Compare::new),
        Combinators.combine(fields, values.list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(true, false)).as(Expr.In::new),
        Combinators.combine(fields, patterns(), Arbitraries.of(true, false)).as(Expr.Like::new),
        Combinators.combine(fields, Arbitraries.of(true, false)).as(Expr.IsNull::new));
  }

  private Arbitrary<Expr> numericPredicate(Arbitrary<Field> fields) {
    return Arbitraries.oneOf(
        Combinators.combine(fields, Arbitraries.of(CompareOp.class), numbers())
            .as(Expr.Compare::new),
        Combinators.combine(fields, numbers().list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(true, false)).as(Expr.In::new),
        Combinators.combine(fields, Arbitraries.of(true, false)).as(Expr.IsNull::new));
  }

  private Arbitrary<Expr> textPredicate() {
    Field status = new Field(FieldKind.STATUS, null);
    Field error = new Field(FieldKind.ERROR, null);
    Arbitrary<Literal> statuses = Arbitraries.of("complete", "failed", "timeout")
        .map(Literal.Text::new);
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of(CompareOp.class), statuses)
            .as((op, v) -> new Expr.Compare(status, op, v)),
        Combinators.combine(statuses.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false))
            .as((v, neg) -> new Expr.In(status, v, neg)),
        Combinators.combine(Arbitraries.of(CompareOp.class), texts())
            .as((op, v) -> new Expr.Compare(error, op, v)),
        Combinators.combine(Arbitraries.of(status, error), patterns(), Arbitraries.of(true, false))
            .as(Expr.Like::new),
        Combinators.combine(Arbitraries.of(status, error), Arbitraries.of(true, false))
            .as(Expr.IsNull::new));
  }

  private static Arbitrary<Literal> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.of(-1.0, 0.0, 0.1, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 1.0, 3.0, 5.0, 7.0, 9.0,
            10.0, 100.0, 300.0, 700.0, 1e20),
        Arbitraries.doubles().between(-20, 1200),
        Arbitraries.longs().between(0, 12).map(Long::doubleValue))
        .map(Literal.Num::new);
  }

  private static Arbitrary<Literal> texts() {
    return Arbitraries.oneOf(
        Arbitraries.of("l1", "l2", "L2", "none", "elasticnet", "auto", "10", "balanced",
            "/ by zero", "it's", ""),
        Arbitraries.strings().ascii().ofMaxLength(6))
        .map(Literal.Text::new);
  }

  private static Arbitrary<Literal> booleans() {
    return Arbitraries.of(true, false).map(Literal.Bool::new);
  }

  private static Arbitrary<String> patterns() {
    return Arbitraries.oneOf(
        Arbitraries.of("l%", "%2", "L_", "%", "_", "%zero%", "a%b", "%l_", "1%", "%by%"),
        Arbitraries.strings().withChars("l2%_aL1. ").ofMaxLength(5));
  }
}
