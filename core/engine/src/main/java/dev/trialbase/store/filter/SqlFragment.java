package dev.trialbase.store.filter;

import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A piece of SQL with its bound values. The SQL names its values {@code :f0, :f1, ...}:
 * {@code :fi} is {@code params.get(i)}.
 *
 * @param sql a boolean SQL expression over {@code trials t}
 * @param params the bound values, Double or String
 */
public record SqlFragment(String sql, List<Object> params) {

  public SqlFragment {
    params = List.copyOf(params);
  }

  /** The bind name of value {@code i}, without the colon. */
  public static String name(int i) {
    return "f" + i;
  }

  /** Binds every value of this fragment to {@code statement}; returns it for chaining. */
  public <T extends SqlStatement<T>> T bindTo(T statement) {
    for (int i = 0; i < params.size(); i++) {
      statement.bind(name(i), params.get(i));
    }
    return statement;
  }
}
