package dev.trialbase.store.filter;

import dev.trialbase.store.TrialView;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The documented filter semantics written directly in Java over {@link TrialView}s, as an
 * oracle for the SQL the compiler produces. ASCII text only (SQLite's binary collation and
 * Java's compareTo agree there).
 */
final class ReferenceEvaluator {

  /** No value: a missing parameter or metric, or a NULL column. */
  private static final Object ABSENT = new Object();

  private ReferenceEvaluator() {
  }

  static boolean matches(Expr e, TrialView t) {
    if (e instanceof Expr.Or or) {
      return or.terms().stream().anyMatch(x -> matches(x, t));
    }
    if (e instanceof Expr.And and) {
      return and.terms().stream().allMatch(x -> matches(x, t));
    }
    if (e instanceof Expr.Not not) {
      return !matches(not.inner(), t);
    }
    if (e instanceof Expr.Compare c) {
      return compare(value(c.field(), t), c.op(), c.value());
    }
    if (e instanceof Expr.In in) {
      Object v = value(in.field(), t);
      List<Literal> sameType = in.values().stream().filter(l -> sameType(v, l)).toList();
      boolean equal = sameType.stream().anyMatch(l -> compare(v, CompareOp.EQ, l));
      return in.negated() ? !sameType.isEmpty() && !equal : equal;
    }
    if (e instanceof Expr.Like like) {
      Object v = value(like.field(), t);
      return (v instanceof String || v instanceof Boolean)
          && like(like.pattern(), v.toString()) != like.negated();
    }
    Expr.IsNull isNull = (Expr.IsNull) e;
    return (value(isNull.field(), t) == ABSENT) != isNull.negated();
  }

  private static Object value(Field f, TrialView t) {
    Object v = switch (f.kind()) {
      case PARAMS -> t.params().has(f.name()) ? t.params().get(f.name()) : null;
      case METRICS -> t.means().get(f.name());
      case STD -> t.stds().get(f.name());
      case STATUS -> t.status();
      case NUMBER -> (double) t.number();
      case DURATION -> t.durationMs();
      case OBJECTIVE -> t.objective();
      case ERROR -> t.errorMessage();
    };
    if (v instanceof Long l) {
      return l.doubleValue();
    }
    return v == null ? ABSENT : v;
  }

  private static boolean sameType(Object v, Literal l) {
    return (l instanceof Literal.Num && v instanceof Double)
        || (l instanceof Literal.Text && (v instanceof String || v instanceof Boolean))
        || (l instanceof Literal.Bool && v instanceof Boolean);
  }

  private static boolean compare(Object v, CompareOp op, Literal l) {
    if (!sameType(v, l)) {
      return false;
    }
    int c;
    if (l instanceof Literal.Num n) {
      c = Double.compare((Double) v, n.value());
      if ((Double) v == n.value()) {
        c = 0; // 0.0 == -0.0 in SQL
      }
    } else if (l instanceof Literal.Text s) {
      c = Integer.signum(v.toString().compareTo(s.value()));
    } else {
      c = ((Boolean) v).equals(((Literal.Bool) l).value()) ? 0 : 1;
    }
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
    };
  }

  /** SQLite's default LIKE: % any run, _ any one character, ASCII case ignored. */
  static boolean like(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      regex.append(ch == '%' ? ".*" : ch == '_' ? "." : Pattern.quote(String.valueOf(ch)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
        .matcher(value).matches();
  }
}
