package dev.trialbase.store;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a run stored as {@code running} still has a live process. On this host the
 * run's pid answers; for a run from another host, a heartbeat older than {@link #STALE} means
 * its process is gone (a live run updates its heartbeat at least every 30 s).
 */
public final class Liveness {

  /** A run from another host whose heartbeat is older than this is taken for dead. */
  public static final Duration STALE = Duration.ofMinutes(5);

  private static final String LOCAL_HOST = localHost();

  private Liveness() {
  }

  /** Whether the run's process is gone, so the run was interrupted (killed, crashed). */
  public static boolean abandoned(String host, Long pid, String heartbeatAt) {
    if (pid != null && Objects.equals(host, LOCAL_HOST)) {
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
    return heartbeatAt == null
        || Instant.parse(heartbeatAt).isBefore(Instant.now().minus(STALE));
  }

  /** This machine's host name as runs record it, or {@code null} if it cannot be found. */
  public static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return null;
    }
  }
}
