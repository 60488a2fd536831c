package dev.trialbase.store.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trialbase.store.filter.Expr.And;
import dev.trialbase.store.filter.Expr.Compare;
import dev.trialbase.store.filter.Expr.Not;
import dev.trialbase.store.filter.Expr.Or;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterParseTest {

  private static String canonical(String text) {
    return Filter.parse(text).toString();
  }

  private static FilterException error(String text) {
    return catchThrowableOfType(FilterException.class, () -> Filter.parse(text));
  }

  @Test
  void precedenceNotOverAndOverOr() {
    assertThat(canonical("number = 1 or number = 2 and not number = 3"))
        .isEqualTo("(number = 1 or (number = 2 and not number = 3))");
    assertThat(canonical("(number = 1 or number = 2) and number = 3"))
        .isEqualTo("((number = 1 or number = 2) and number = 3)");
    assertThat(canonical("not (number = 1 or number = 2)"))
        .isEqualTo("not (number = 1 or number = 2)");
  }

  @Test
  void theExampleParsesToTheExpectedTree() {
    Expr e = Filter.parse("metrics.accuracy > 0.85 and (params.penalty = 'l2' or params.C >= 10)")
        .expression();
    assertThat(e).isEqualTo(new And(List.of(
        new Compare(new Field(FieldKind.METRICS, "accuracy"), CompareOp.GT, new Literal.Num(0.85)),
        new Or(List.of(
            new Compare(new Field(FieldKind.PARAMS, "penalty"), CompareOp.EQ,
                new Literal.Text("l2")),
            new Compare(new Field(FieldKind.PARAMS, "C"), CompareOp.GE, new Literal.Num(10)))))));
  }

  @Test
  void keywordsAndFieldWordsIgnoreCaseNamesDoNot() {
    assertThat(Filter.parse("PARAMS.C >= 1 AnD Not STATUS = 'complete'").expression())
        .isEqualTo(new And(List.of(
            new Compare(new Field(FieldKind.PARAMS, "C"), CompareOp.GE, new Literal.Num(1)),
            new Not(new Compare(new Field(FieldKind.STATUS, null), CompareOp.EQ,
                new Literal.Text("complete"))))));
  }

  @Test
  void everyPredicateForm() {
    assertThat(canonical("params.x in (1, 'a', true)")).isEqualTo("params.x in (1, 'a', true)");
    assertThat(canonical("params.x NOT IN (2.5)")).isEqualTo("params.x not in (2.5)");
    assertThat(canonical("error like '%OOM%'")).isEqualTo("error like '%OOM%'");
    assertThat(canonical("error not like 'x'")).isEqualTo("error not like 'x'");
    assertThat(canonical("params.x is null")).isEqualTo("params.x is null");
    assertThat(canonical("params.x is not null")).isEqualTo("params.x is not null");
    assertThat(canonical("params.x = null")).isEqualTo("params.x is null");
    assertThat(canonical("params.x <> null")).isEqualTo("params.x is not null");
    assertThat(canonical("params.x<>1")).isEqualTo("params.x != 1");
    assertThat(canonical("std.f1<=-1.5e-3")).isEqualTo("std.f1 <= -0.0015");
    assertThat(canonical("duration>=+.5")).isEqualTo("duration >= 0.5");
  }

  @Test
  void literals() {
    assertThat(canonical("params.s = 'it''s'")).isEqualTo("params.s = 'it''s'");
    assertThat(((Compare) Filter.parse("params.s = 'it''s'").expression()).value())
        .isEqualTo(new Literal.Text("it's"));
    assertThat(((Compare) Filter.parse("params.s = ''").expression()).value())
        .isEqualTo(new Literal.Text(""));
    assertThat(((Compare) Filter.parse("params.n = 1e3").expression()).value())
        .isEqualTo(new Literal.Num(1000));
    assertThat(((Compare) Filter.parse("params.n = -0").expression()).value())
        .isEqualTo(new Literal.Num(0));
  }

  @Test
  void names() {
    assertThat(Filter.parse("params.learning-rate > 0").expression())
        .isEqualTo(new Compare(new Field(FieldKind.PARAMS, "learning-rate"), CompareOp.GT,
            new Literal.Num(0)));
    assertThat(Filter.parse("params.\"my \"\"odd\"\" name\" > 0").expression())
        .isEqualTo(new Compare(new Field(FieldKind.PARAMS, "my \"odd\" name"), CompareOp.GT,
            new Literal.Num(0)));
    assertThat(canonical("params.\"a b\" = 1")).isEqualTo("params.\"a b\" = 1");
    assertThat(canonical("params.\"ab\" = 1")).isEqualTo("params.ab = 1");
    assertThat(canonical("metrics.0 = 1")).isEqualTo("metrics.0 = 1");
  }

  @Test
  void errorsCarryTheirPosition() {
    FilterException e = error("metrics.accuracy > drop");
    assertThat(e.position()).isEqualTo(19);
    assertThat(e).hasMessage("at column 20: expected a value after '>', found 'drop'");

    e = error("params.penalty = 'l2' and");
    assertThat(e.position()).isEqualTo(25);
    assertThat(e.getMessage()).contains("expected a field").contains("found end of input");

    e = error("(number = 1");
    assertThat(e.position()).isEqualTo(11);
    assertThat(e.getMessage()).contains("expected ')'");

    e = error("number = 1 number = 2");
    assertThat(e.position()).isEqualTo(11);
    assertThat(e.getMessage()).contains("expected 'and', 'or' or the end of the filter");
  }

  @Test
  void injectionIsAParseErrorAtTheSemicolon() {
    String text = "metrics.accuracy > 0; drop table trials";
    FilterException e = error(text);
    assertThat(e.position()).isEqualTo(text.indexOf(';'));
    assertThat(e).hasMessage("at column 21: unexpected character ';'");
    assertThat(error("number = 1 -- comment").position()).isEqualTo(11);
    assertThat(error("number = 1 /* c */").position()).isEqualTo(11);
  }

  @Test
  void lexicalErrors() {
    assertThat(error("params.x = 'open").getMessage()).isEqualTo(
        "at column 12: unterminated string; end it with '");
    assertThat(error("params.\"open = 1").position()).isEqualTo(7);
    assertThat(error("params.\"\" = 1").getMessage()).contains("empty name");
    assertThat(error("params. = 1").getMessage()).isEqualTo(
        "at column 8: expected a name after 'params.', found ' '");
    assertThat(error("params.x = 12abc").getMessage()).contains("malformed number '12abc'");
    assertThat(error("params.x = 1e999").getMessage()).contains("out of range");
    assertThat(error("params.x ! 1").getMessage()).contains("write != or 'not'");
    assertThat(error("params.x = 1 \u00e9").getMessage()).contains("U+00E9");
  }

  @Test
  void fieldErrors() {
    assertThat(error("accuracy > 0.8").getMessage()).isEqualTo(
        "at column 1: unknown field 'accuracy'; fields are params.NAME, metrics.NAME, std.NAME,"
            + " status, number, duration, objective or error");
    assertThat(error("param.C > 1").getMessage()).contains("unknown field 'param.C'");
    assertThat(error("metrics > 1").getMessage()).contains("'metrics' needs a name");
    assertThat(error("status.x = 'a'").getMessage()).contains("unknown field 'status.x'");
    assertThat(error("> 1").getMessage()).contains("expected a field");
    assertThat(error("").getMessage()).contains("empty filter");
    assertThat(error("   ").getMessage()).contains("empty filter");
  }

  @Test
  void typeErrorsOnFixedTypeFields() {
    assertThat(error("metrics.accuracy = 'high'").getMessage()).isEqualTo(
        "at column 20: metrics.accuracy is a number; expected a number, found 'high'");
    assertThat(error("status = 1").getMessage()).contains("status is text");
    assertThat(error("number = true").getMessage()).contains("number is a number");
    assertThat(error("metrics.accuracy like '1%'").getMessage())
        .contains("like needs text, but metrics.accuracy is a number");
    assertThat(error("params.b < true").getMessage()).contains("can only be compared with = or !=");
    assertThat(error("params.x > null").getMessage()).contains("is null");
    assertThat(error("params.x in (1, null)").getMessage()).contains("null cannot be in a list");
    assertThat(error("status = 'compelte'").getMessage())
        .contains("unknown status 'compelte'; statuses are complete, failed, pruned, timeout, "
            + "running");
  }

  @Test
  void syntaxErrorsInPredicates() {
    assertThat(error("params.x in 1").getMessage()).contains("expected '(' after 'in'");
    assertThat(error("params.x in ()").getMessage()).contains("expected a value after '('");
    assertThat(error("params.x in (1 2)").getMessage()).contains("expected ',' or ')'");
    assertThat(error("params.x like 3").getMessage()).contains("expected a 'quoted pattern'");
    assertThat(error("params.x is 3").getMessage()).contains("expected 'null' after 'is'");
    assertThat(error("params.x not = 3").getMessage()).contains("'in' or 'like' after 'not'");
    assertThat(error("params.x 3").getMessage()).contains("expected a comparison");
  }

  @Test
  void sizeLimits() {
    String deep = "(".repeat(Parser.MAX_DEPTH + 1) + "number = 1" + ")".repeat(Parser.MAX_DEPTH + 1);
    assertThat(error(deep).getMessage()).contains("nested more than");
    assertThat(Filter.parse("(".repeat(Parser.MAX_DEPTH) + "number = 1"
        + ")".repeat(Parser.MAX_DEPTH))).isNotNull();
    String many = "number = 1" + " or number = 1".repeat(Parser.MAX_PREDICATES);
    assertThat(error(many).getMessage()).contains("more than " + Parser.MAX_PREDICATES);
    assertThat(error("number = " + "1".repeat(Parser.MAX_LENGTH)).getMessage()).contains("longer");
  }
}
