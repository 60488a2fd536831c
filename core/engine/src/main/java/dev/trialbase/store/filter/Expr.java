package dev.trialbase.store.filter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed filter. {@link #toString()} prints it back in filter syntax, fully parenthesised
 * where precedence matters, so that {@code Filter.parse(e.toString())} gives {@code e} again.
 */
public sealed interface Expr {

  /** Matches when any term matches; at least two terms. */
  record Or(List<Expr> terms) implements Expr {
    public Or {
      terms = List.copyOf(terms);
    }

    @Override
    public String toString() {
      return "(" + terms.stream().map(Expr::toString).collect(Collectors.joining(" or ")) + ")";
    }
  }

  /** Matches when every term matches; at least two terms. */
  record And(List<Expr> terms) implements Expr {
    public And {
      terms = List.copyOf(terms);
    }

    @Override
    public String toString() {
      return "(" + terms.stream().map(Expr::toString).collect(Collectors.joining(" and ")) + ")";
    }
  }

  /** Matches exactly the trials {@code inner} does not match. */
  record Not(Expr inner) implements Expr {
    @Override
    public String toString() {
      return "not " + inner;
    }
  }

  /** {@code field op value}; no match when the field is missing or of another type. */
  record Compare(Field field, CompareOp op, Literal value) implements Expr {
    @Override
    public String toString() {
      return field + " " + op.symbol() + " " + value;
    }
  }

  /**
   * {@code field [not] in (values)}. {@code not in} matches a present value of a type some
   * listed value has, equal to none of them: like {@code !=}, it never matches a missing field.
   */
  record In(Field field, List<Literal> values, boolean negated) implements Expr {
    public In {
      values = List.copyOf(values);
    }

    @Override
    public String toString() {
      return field + (negated ? " not in (" : " in (")
          + values.stream().map(Literal::toString).collect(Collectors.joining(", ")) + ")";
    }
  }

  /** {@code field [not] like 'pattern'}: text fields and string parameters only. */
  record Like(Field field, String pattern, boolean negated) implements Expr {
    @Override
    public String toString() {
      return field + (negated ? " not like " : " like ") + new Literal.Text(pattern);
    }
  }

  /** {@code field is [not] null}: a missing parameter or metric counts as null. */
  record IsNull(Field field, boolean negated) implements Expr {
    @Override
    public String toString() {
      return field + (negated ? " is not null" : " is null");
    }
  }
}
