/**
 * The {@code trialbase} command line: a thin picocli front end over the engine and the store.
 * One class per subcommand; each returns an exit code from {@link dev.trialbase.cli.ExitCode}.
 */
package dev.trialbase.cli;
