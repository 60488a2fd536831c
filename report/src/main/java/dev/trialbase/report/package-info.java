/**
 * {@code trialbase report}: one self-contained HTML file of plots over stored runs.
 *
 * <p>{@link dev.trialbase.report.HtmlReport} reads runs through the store's query classes
 * ({@link dev.trialbase.store.RunQueries}), turns each into plain data ({@link
 * dev.trialbase.report.RunSection}, and {@link dev.trialbase.report.Comparison} for several
 * runs), and {@link dev.trialbase.report.PageTemplate} writes that data as JSON into a page with
 * ECharts and a small hand-written script and style inlined, so the file needs no network and
 * no server. {@link dev.trialbase.report.AtomicFile} writes it all or nothing.
 *
 * <p><b>Internal:</b> not part of Trialbase's API, and may change in any release. Programs use
 * {@code dev.trialbase.Trialbase}; plugins use {@code dev.trialbase.api}.
 */
package dev.trialbase.report;
