package dev.trialbase.store.filter;

import dev.trialbase.store.Dialect;

/**
 * A parsed {@code --where} filter over the trials of one run.
 *
 * <pre>
 * filter     = or_expr ;
 * or_expr    = and_expr { "or" and_expr } ;
 * and_expr   = not_expr { "and" not_expr } ;
 * not_expr   = "not" not_expr | primary ;
 * primary    = "(" or_expr ")" | predicate ;
 * predicate  = field ( compare_op ( literal | "null" )
 *                    | [ "not" ] "in" "(" literal { "," literal } ")"
 *                    | [ "not" ] "like" string
 *                    | "is" [ "not" ] "null" ) ;
 * compare_op = "=" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ;
 * field      = ( "params" | "metrics" | "std" ) "." name
 *            | "status" | "number" | "duration" | "objective" | "error" ;
 * name       = name_char { name_char } | '"' { any char but '"' | '""' } '"' ;
 * name_char  = "A".."Z" | "a".."z" | "0".."9" | "_" | "-" ;
 * literal    = number | string | "true" | "false" ;
 * number     = [ "+" | "-" ] ( digits [ "." { digit } ] | "." digits )
 *              [ ( "e" | "E" ) [ "+" | "-" ] digits ] ;
 * string     = "'" { any char but "'" | "''" } "'" ;
 * </pre>
 *
 * <p>Keywords and field words ignore case; names after the dot do not. Whitespace is space,
 * tab, CR and LF. {@code field = null} and {@code field != null} mean {@code is null} and
 * {@code is not null}; a missing parameter or metric is null.
 *
 * <p>Typed comparison: numbers compare numerically with numeric fields and with parameters
 * stored as float or int; strings compare with text fields, string parameters and boolean
 * parameters as their text {@code 'true'}/{@code 'false'} (so {@code params.flag = 'true'} and
 * {@code params.flag = true} agree); {@code true}/{@code false} compare (= and != only) with
 * boolean parameters. Comparing a parameter
 * with a value of another type does not match (it is not an error, since a categorical
 * parameter may mix types across trials); comparing a fixed-type field with the wrong type,
 * e.g. {@code metrics.accuracy = 'high'}, is a parse error. {@code !=} and {@code not in}
 * match only present values of the compared type; {@code not P} matches whatever {@code P}
 * does not.
 */
public final class Filter {

  private final String text;
  private final Expr expression;

  private Filter(String text, Expr expression) {
    this.text = text;
    this.expression = expression;
  }

  /**
   * Parses {@code text}.
   *
   * @throws FilterException with the 0-based position of the first problem
   */
  public static Filter parse(String text) {
    return new Filter(text, Parser.parse(text));
  }

  /** The text as the user wrote it. */
  public String text() {
    return text;
  }

  /** The parsed expression tree. */
  public Expr expression() {
    return expression;
  }

  /**
   * A SQL boolean expression for use in {@code select ... from trials t where t.run_id = ?
   * and (<sql>)}, with its values bound by position, a {@code ?} each.
   */
  public SqlFragment toSql() {
    return toSql(Dialect.SQLITE);
  }

  /** As {@link #toSql()}, in {@code dialect}. */
  public SqlFragment toSql(Dialect dialect) {
    return SqlCompiler.compile(expression, dialect);
  }

  /** The filter in canonical syntax; parses back to an equal expression. */
  @Override
  public String toString() {
    return expression.toString();
  }
}
