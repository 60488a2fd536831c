/**
 * The {@code trialbase} command line: a thin picocli front end over the engine and the store.
 * One class per subcommand; each returns an exit code from {@link dev.trialbase.cli.ExitCode}.
 *
 * <p><b>Internal:</b> not part of Trialbase's API, and may change in any release. Programs use
 * {@code dev.trialbase.Trialbase}; plugins use {@code dev.trialbase.api}.
 */
package dev.trialbase.cli;
