package dev.trialbase.store.filter;

import java.util.List;

/**
 * A piece of SQL with its bound values. The SQL marks each value with a {@code ?}, in the order
 * of {@code params}, each used once.
 *
 * @param sql a boolean SQL expression over {@code trials t}
 * @param params the bound values, Double or String
 */
public record SqlFragment(String sql, List<Object> params) {

  public SqlFragment {
    params = List.copyOf(params);
  }
}
