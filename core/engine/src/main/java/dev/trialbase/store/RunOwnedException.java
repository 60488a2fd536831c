package dev.trialbase.store;

/**
 * A run cannot be taken over because another live process runs it (a second {@code resume}
 * of the same run): one run has one owner at a time. The run is left as it was.
 */
public final class RunOwnedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RunOwnedException(String message) {
    super(message);
  }

  /** The message for run {@code runId} owned by process {@code pid} on {@code host}. */
  public static String describe(long runId, String host, Long pid, String heartbeatAt) {
    String seen = heartbeatAt == null ? ""
        : ", last heard from at " + heartbeatAt;
    return "run " + runId + " is being run by process " + pid + " on " + host + seen
        + "; wait for it to finish, or stop it (Ctrl-C) and resume then";
  }
}
