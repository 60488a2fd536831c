package dev.trialbase.store.filter;

import dev.trialbase.store.TrialStatus;
import dev.trialbase.store.filter.FieldKind.ValueType;
import dev.trialbase.store.filter.Token.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Recursive-descent parser for the filter grammar (see {@link Filter}). Besides syntax it
 * checks what can be checked without data: field names, literal types against fixed-type
 * fields, known trial statuses; and it bounds the size of a filter so that the SQL it
 * compiles to stays within SQLite's limits.
 */
final class Parser {

  /** Longest filter text accepted. */
  static final int MAX_LENGTH = 10_000;
  /** Deepest nesting of parentheses and {@code not}s. */
  static final int MAX_DEPTH = 32;
  /** Most comparisons in one filter. */
  static final int MAX_PREDICATES = 200;

  private static final String FIELDS =
      "params.NAME, metrics.NAME, std.NAME, status, number, duration, objective or error";

  private final Lexer lexer;
  private Token current;
  private int depth;
  private int predicates;

  private Parser(String text) {
    this.lexer = new Lexer(text);
  }

  static Expr parse(String text) {
    if (text == null) {
      throw new FilterException(0, "no filter given");
    }
    if (text.length() > MAX_LENGTH) {
      throw new FilterException(MAX_LENGTH, "filter is longer than " + MAX_LENGTH + " characters");
    }
    Parser parser = new Parser(text);
    parser.advance();
    if (parser.current.kind() == Kind.END) {
      throw new FilterException(0, "empty filter; expected a condition such as "
          + "metrics.accuracy > 0.8");
    }
    Expr expr = parser.or();
    if (parser.current.kind() != Kind.END) {
      throw parser.error("expected 'and', 'or' or the end of the filter, found "
          + parser.current.describe());
    }
    return expr;
  }

  private void advance() {
    current = lexer.next();
  }

  private FilterException error(String problem) {
    return new FilterException(current.start(), problem);
  }

  private Expr or() {
    List<Expr> terms = new ArrayList<>(List.of(and()));
    while (current.isKeyword("or")) {
      advance();
      terms.add(and());
    }
    return terms.size() == 1 ? terms.get(0) : new Expr.Or(terms);
  }

  private Expr and() {
    List<Expr> terms = new ArrayList<>(List.of(not()));
    while (current.isKeyword("and")) {
      advance();
      terms.add(not());
    }
    return terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
  }

  private Expr not() {
    if (current.isKeyword("not")) {
      enter();
      advance();
      Expr inner = not();
      depth--;
      return new Expr.Not(inner);
    }
    return primary();
  }

  private Expr primary() {
    if (current.kind() == Kind.LEFT_PAREN) {
      enter();
      advance();
      Expr inner = or();
      if (current.kind() != Kind.RIGHT_PAREN) {
        throw error("expected ')' or a condition joined by 'and' or 'or', found "
            + current.describe());
      }
      advance();
      depth--;
      return inner;
    }
    return predicate();
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("filter is nested more than " + MAX_DEPTH + " levels deep");
    }
  }

  private Expr predicate() {
    Token fieldToken = current;
    Field field = field();
    if (++predicates > MAX_PREDICATES) {
      throw new FilterException(fieldToken.start(), "filter has more than " + MAX_PREDICATES
          + " conditions");
    }
    advance();
    Token at = current;
    if (at.kind() == Kind.OPERATOR) {
      advance();
      return comparison(field, CompareOp.bySymbol(at.value()), at);
    }
    if (at.isKeyword("is")) {
      advance();
      boolean negated = current.isKeyword("not");
      if (negated) {
        advance();
      }
      if (!current.isKeyword("null")) {
        throw error("expected 'null' after '" + (negated ? "is not" : "is") + "', found "
            + current.describe());
      }
      advance();
      return new Expr.IsNull(field, negated);
    }
    boolean negated = at.isKeyword("not");
    if (negated) {
      advance();
    }
    if (current.isKeyword("in")) {
      advance();
      return in(field, negated);
    }
    if (current.isKeyword("like")) {
      return like(field, negated);
    }
    throw error("expected " + (negated ? "'in' or 'like' after 'not'" : "a comparison (= != < <= > "
        + ">= in, not in, like, is null) after '" + fieldToken.source() + "'") + ", found "
        + current.describe());
  }

  private Field field() {
    Token t = current;
    if (t.kind() == Kind.PATH) {
      FieldKind kind = FieldKind.byKeyword(t.prefix(), true);
      if (kind == null) {
        throw error("unknown field '" + t.source() + "'; fields are " + FIELDS);
      }
      return new Field(kind, t.value());
    }
    if (t.kind() == Kind.WORD) {
      FieldKind kind = FieldKind.byKeyword(t.value(), false);
      if (kind != null) {
        return new Field(kind, null);
      }
      if (FieldKind.byKeyword(t.value(), true) != null) {
        throw error("'" + t.value() + "' needs a name, e.g. " + t.value().toLowerCase(Locale.ROOT)
            + ".accuracy");
      }
      throw error("unknown field '" + t.value() + "'; fields are " + FIELDS);
    }
    throw error("expected a field (" + FIELDS + "), 'not' or '(', found " + t.describe());
  }

  private Expr comparison(Field field, CompareOp op, Token opToken) {
    if (current.isKeyword("null")) {
      if (!op.isEquality()) {
        throw error("null can only be compared with = or !=; write '" + field + " is null'");
      }
      advance();
      return new Expr.IsNull(field, op == CompareOp.NE);
    }
    Token valueToken = current;
    Literal value = literal("a value after '" + opToken.source() + "'");
    checkType(field, value, valueToken);
    if (value instanceof Literal.Bool && !op.isEquality()) {
      throw new FilterException(valueToken.start(), valueToken.source()
          + " can only be compared with = or !=");
    }
    if (op.isEquality()) {
      checkStatus(field, value, valueToken);
    }
    return new Expr.Compare(field, op, value);
  }

  private Expr in(Field field, boolean negated) {
    if (current.kind() != Kind.LEFT_PAREN) {
      throw error("expected '(' after 'in', found " + current.describe());
    }
    advance();
    List<Literal> values = new ArrayList<>();
    while (true) {
      Token valueToken = current;
      if (current.isKeyword("null")) {
        throw error("null cannot be in a list; write '" + field + " is null'");
      }
      Literal value = literal(values.isEmpty() ? "a value after '('" : "a value after ','");
      checkType(field, value, valueToken);
      checkStatus(field, value, valueToken);
      values.add(value);
      if (current.kind() == Kind.RIGHT_PAREN) {
        advance();
        return new Expr.In(field, values, negated);
      }
      if (current.kind() != Kind.COMMA) {
        throw error("expected ',' or ')' in the list, found " + current.describe());
      }
      advance();
    }
  }

  private Expr like(Field field, boolean negated) {
    Token likeToken = current;
    if (field.kind().type() == ValueType.NUMBER) {
      throw new FilterException(likeToken.start(), "like needs text, but " + field
          + " is a number");
    }
    advance();
    if (current.kind() != Kind.STRING) {
      throw error("expected a 'quoted pattern' after 'like', found " + current.describe());
    }
    String pattern = current.value();
    advance();
    return new Expr.Like(field, pattern, negated);
  }

  private Literal literal(String expected) {
    Token t = current;
    Literal value;
    if (t.kind() == Kind.NUMBER) {
      value = new Literal.Num(t.number() + 0.0); // + 0.0 turns -0 into 0
    } else if (t.kind() == Kind.STRING) {
      value = new Literal.Text(t.value());
    } else if (t.isKeyword("true") || t.isKeyword("false")) {
      value = new Literal.Bool(t.isKeyword("true"));
    } else {
      throw error("expected " + expected + ", found " + t.describe());
    }
    advance();
    return value;
  }

  private static void checkType(Field field, Literal value, Token at) {
    ValueType type = field.kind().type();
    if (type == ValueType.NUMBER && !(value instanceof Literal.Num)) {
      throw new FilterException(at.start(), field + " is a number; expected a number, found "
          + at.describe());
    }
    if (type == ValueType.TEXT && !(value instanceof Literal.Text)) {
      throw new FilterException(at.start(), field + " is text; expected a 'quoted string', found "
          + at.describe());
    }
  }

  private static void checkStatus(Field field, Literal value, Token at) {
    if (field.kind() != FieldKind.STATUS) {
      return;
    }
    String status = ((Literal.Text) value).value();
    boolean known = Arrays.stream(TrialStatus.values()).anyMatch(s -> s.id().equals(status));
    if (!known) {
      throw new FilterException(at.start(), "unknown status '" + status + "'; statuses are "
          + Arrays.stream(TrialStatus.values()).map(TrialStatus::id)
              .collect(Collectors.joining(", ")));
    }
  }
}
