package dev.trialbase.store.filter;

import dev.trialbase.store.Dialect;
import dev.trialbase.store.filter.FieldKind.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Compiles an {@link Expr} to a SQL boolean expression over {@code trials t}. Every value and
 * every parameter or metric name is bound (a {@code ?} each, in order); the SQL text holds only
 * fixed keywords, operators, column names and the stored type names of parameters. Each
 * predicate yields true or false, never NULL, so NOT is plain complement.
 *
 * <p>Parameters and metrics are tested with {@code exists} subqueries keyed by the tables'
 * primary keys, {@code (run_id, trial_number, name|metric)}, so each test is one index probe.
 */
final class SqlCompiler {

  /** The parameter types that compare with numbers; booleans and strings have their own. */
  private static final String NUMERIC_PARAM = "p.type in ('float', 'int')";
  // A quoted string also meets boolean parameters by their stored text, so that
  // params.flag = 'true' finds what params.flag = true finds (issue 17, item 27).
  private static final String STRING_PARAM = "p.type in ('string', 'bool')";
  private static final String BOOL_PARAM = "p.type = 'bool'";

  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();
  private final Dialect dialect;

  private SqlCompiler(Dialect dialect) {
    this.dialect = dialect;
  }

  /** {@code expr} in {@code dialect}, which decides only how LIKE is spelt. */
  static SqlFragment compile(Expr expr, Dialect dialect) {
    SqlCompiler compiler = new SqlCompiler(dialect);
    compiler.expr(expr);
    return new SqlFragment(compiler.sql.toString(), compiler.params);
  }

  private String bind(Object value) {
    params.add(value);
    return "?";
  }

  private void expr(Expr e) {
    if (e instanceof Expr.Or or) {
      join(or.terms(), " or ");
    } else if (e instanceof Expr.And and) {
      join(and.terms(), " and ");
    } else if (e instanceof Expr.Not not) {
      sql.append("not (");
      expr(not.inner());
      sql.append(')');
    } else if (e instanceof Expr.Compare c) {
      compare(c);
    } else if (e instanceof Expr.In in) {
      in(in);
    } else if (e instanceof Expr.Like like) {
      like(like);
    } else {
      isNull((Expr.IsNull) e);
    }
  }

  private void join(List<Expr> terms, String operator) {
    sql.append('(');
    for (int i = 0; i < terms.size(); i++) {
      if (i > 0) {
        sql.append(operator);
      }
      expr(terms.get(i));
    }
    sql.append(')');
  }

  private void compare(Expr.Compare c) {
    Field f = c.field();
    if (f.kind() == FieldKind.PARAMS) {
      String condition = paramTypeTest(c.value()) + " and " + paramColumn(c.value()) + " "
          + c.op().symbol() + " ";
      existsParam(f, () -> sql.append(condition).append(bind(c.value().sqlValue())));
    } else if (f.kind().type() == ValueType.NUMBER && f.kind().hasName()) {
      existsMetric(f, () -> sql.append("m.").append(f.kind().column()).append(' ')
          .append(c.op().symbol()).append(' ').append(bind(c.value().sqlValue())));
    } else {
      column(f, c.op().symbol() + " " + bind(c.value().sqlValue()));
    }
  }

  private void in(Expr.In in) {
    Field f = in.field();
    String not = in.negated() ? "not in" : "in";
    if (f.kind() == FieldKind.PARAMS) {
      existsParam(f, () -> {
        // One group per literal type: a value matches within the group of its own type. The
        // groups may overlap (a boolean meets both 'true' and true), so NOT IN is "of a
        // compared type, and in no group" rather than "not in some group".
        List<List<Literal>> groups = new ArrayList<>();
        for (Predicate<Literal> type : List.<Predicate<Literal>>of(v -> v instanceof Literal.Num,
            v -> v instanceof Literal.Text, v -> v instanceof Literal.Bool)) {
          List<Literal> group = in.values().stream().filter(type).toList();
          if (!group.isEmpty()) {
            groups.add(group);
          }
        }
        if (in.negated()) {
          sql.append('(');
          for (int i = 0; i < groups.size(); i++) {
            sql.append(i > 0 ? " or " : "").append(paramTypeTest(groups.get(i).get(0)));
          }
          sql.append(") and not ");
        }
        sql.append('(');
        for (int i = 0; i < groups.size(); i++) {
          List<Literal> group = groups.get(i);
          sql.append(i > 0 ? " or " : "").append('(').append(paramTypeTest(group.get(0)))
              .append(" and ").append(paramColumn(group.get(0))).append(" in ");
          list(group);
          sql.append(')');
        }
        sql.append(')');
      });
    } else if (f.kind().hasName()) {
      existsMetric(f, () -> {
        sql.append("m.").append(f.kind().column()).append(' ').append(not).append(' ');
        list(in.values());
      });
    } else {
      column(f, () -> {
        sql.append(not).append(' ');
        list(in.values());
      });
    }
  }

  private void list(List<Literal> values) {
    sql.append('(');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(bind(values.get(i).sqlValue()));
    }
    sql.append(')');
  }

  private void like(Expr.Like like) {
    Field f = like.field();
    String operator = dialect.likeOperator(like.negated());
    if (f.kind() == FieldKind.PARAMS) {
      existsParam(f, () -> sql.append(STRING_PARAM).append(" and p.value_text ").append(operator)
          .append(bind(like.pattern())).append(dialect.likeSuffix()));
    } else {
      column(f, operator + bind(like.pattern()) + dialect.likeSuffix());
    }
  }

  private void isNull(Expr.IsNull isNull) {
    Field f = isNull.field();
    String notIfNull = isNull.negated() ? "" : "not ";
    if (f.kind() == FieldKind.PARAMS) {
      sql.append(notIfNull);
      existsParam(f, () -> sql.append("p.type != 'null'"));
    } else if (f.kind().hasName()) {
      sql.append(notIfNull);
      existsMetric(f, () -> sql.append("m.").append(f.kind().column()).append(" is not null"));
    } else {
      sql.append(f.kind().column()).append(isNull.negated() ? " is not null" : " is null");
    }
  }

  /** {@code exists (select 1 from params p where <key> and <condition>)}. */
  private void existsParam(Field f, Runnable condition) {
    sql.append("exists (select 1 from params p where p.run_id = t.run_id"
        + " and p.trial_number = t.number and p.name = ").append(bind(f.name())).append(" and ");
    condition.run();
    sql.append(')');
  }

  /** {@code exists (select 1 from trial_metrics m where <key> and <condition>)}. */
  private void existsMetric(Field f, Runnable condition) {
    sql.append("exists (select 1 from trial_metrics m where m.run_id = t.run_id"
        + " and m.trial_number = t.number and m.metric = ").append(bind(f.name())).append(" and ");
    condition.run();
    sql.append(')');
  }

  /** A test on a nullable column of {@code trials} that is false, not NULL, on NULL. */
  private void column(Field f, String rest) {
    column(f, () -> sql.append(rest));
  }

  private void column(Field f, Runnable rest) {
    String c = f.kind().column();
    sql.append('(').append(c).append(" is not null and ").append(c).append(' ');
    rest.run();
    sql.append(')');
  }

  private static String paramTypeTest(Literal value) {
    if (value instanceof Literal.Num) {
      return NUMERIC_PARAM;
    }
    return value instanceof Literal.Text ? STRING_PARAM : BOOL_PARAM;
  }

  private static String paramColumn(Literal value) {
    return value instanceof Literal.Text ? "p.value_text" : "p.value_num";
  }
}
