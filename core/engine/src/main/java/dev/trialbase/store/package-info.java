/**
 * The experiment database: SQLite through JDBI, schema migrated by its own scripts. {@link
 * dev.trialbase.store.Database} opens and migrates a file, {@link dev.trialbase.store.RunRecorder}
 * writes one transaction per trial, {@link dev.trialbase.store.RunQueries} reads. Every query
 * binds its values; no user input is ever concatenated into SQL.
 */
package dev.trialbase.store;
