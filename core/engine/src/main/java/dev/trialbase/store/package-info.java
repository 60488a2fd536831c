/**
 * The experiment database: SQLite through JDBI, schema migrated by its own scripts. {@link
 * dev.trialbase.store.Database} opens and migrates a file, {@link dev.trialbase.store.RunRecorder}
 * writes one transaction per trial, {@link dev.trialbase.store.RunQueries} reads. Every query
 * binds its values; no user input is ever concatenated into SQL.
 *
 * <p><b>Internal:</b> not part of Trialbase's API, and may change in any release. Programs use
 * {@code dev.trialbase.Trialbase}; plugins use {@code dev.trialbase.api}.
 */
package dev.trialbase.store;
