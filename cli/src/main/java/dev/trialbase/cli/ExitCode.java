package dev.trialbase.cli;

/**
 * The exit codes of every command, as documented in the README. Scripts may rely on them.
 */
public final class ExitCode {

  /** Success. */
  public static final int OK = 0;
  /** A run was stored but failed. (One stopped by a signal exits 128 + its number.) */
  public static final int RUN_FAILED = 1;
  /** Wrong command-line usage: unknown option, missing argument, bad value. */
  public static final int USAGE = 2;
  /** The spec or its data cannot be used; nothing was stored. */
  public static final int BAD_INPUT = 3;
  /** The database cannot be opened, read or written. */
  public static final int DATABASE = 4;
  /** A plugin is missing or broken. */
  public static final int PLUGIN = 5;
  /** A run id or other name given on the command line does not exist. */
  public static final int NOT_FOUND = 6;
  /** {@code reproduce}: the repeated run differs from the original. */
  public static final int DIFFERENT = 7;
  /** {@code report}: the output file cannot be written (nothing is left half-written). */
  public static final int OUTPUT = 8;
  /** The JVM ran out of memory before a run was stored (reading large data, say). */
  public static final int OUT_OF_MEMORY = 9;
  /** {@code resume}: another live process runs the run; it is left as it was. */
  public static final int RUN_OWNED = 10;
  /**
   * {@code --executor spark}: the executor cannot be used (its module is missing, the master
   * URL is wrong or unreachable, or no executor joined in time); nothing was stored.
   */
  public static final int EXECUTOR = 11;
  /** Anything else: a bug. Run with --debug and report the stack trace. */
  public static final int INTERNAL = 70;

  private ExitCode() {
  }
}
