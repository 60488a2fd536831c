/**
 * The {@code --where} filter language and the {@code --sort} option for trials of a run.
 *
 * <p>{@link dev.trialbase.store.filter.Filter#parse} turns text such as {@code
 * metrics.accuracy > 0.85 and (params.penalty = 'l2' or params.C >= 10)} into an expression
 * tree ({@link dev.trialbase.store.filter.Expr}), and {@link
 * dev.trialbase.store.filter.Filter#toSql} compiles that tree into a SQL boolean expression
 * over {@code trials t}. User text never reaches the SQL string: field names, parameter and
 * metric names and values all travel as bound parameters {@code :f0, :f1, ...}; the SQL text
 * is made only of fixed keywords, operators and column names. {@link
 * dev.trialbase.store.filter.TrialFilterQuery} combines a filter, a {@link
 * dev.trialbase.store.filter.Sort} and a limit into index-friendly queries.
 *
 * <p>Semantics are two-valued: every predicate is either true or false for a trial, never SQL
 * NULL, so {@code not P} matches exactly the trials {@code P} does not. Comparisons are typed:
 * a number compares only with numeric parameters (float, int), a quoted string only with
 * string parameters, {@code true}/{@code false} only with booleans; anything else, and a
 * missing parameter or metric, simply does not match.
 *
 * <p><b>Internal:</b> not part of Trialbase's API, and may change in any release. Programs use
 * {@code dev.trialbase.Trialbase}; plugins use {@code dev.trialbase.api}.
 */
package dev.trialbase.store.filter;
