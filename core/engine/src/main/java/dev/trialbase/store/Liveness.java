package dev.trialbase.store;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a run stored as {@code running} still has a live process. A live run
 * updates its heartbeat at least every 30 s, so a heartbeat older than {@link #STALE} means its
 * process is gone, on any host. On this host the pid answers sooner: the run is abandoned when
 * no process has that pid, or when the process that has it started after the run's last
 * heartbeat (the pid was reused after the owner died, or a container on another machine
 * shares the host name).
 */
public final class Liveness {

  /** A run from another host whose heartbeat is older than this is taken for dead. */
  public static final Duration STALE = Duration.ofMinutes(5);

  private static final String LOCAL_HOST = localHost();

  private Liveness() {
  }

  /** Whether the run's process is gone, so the run was interrupted (killed, crashed). */
  public static boolean abandoned(String host, Long pid, String heartbeatAt) {
    Instant heartbeat = heartbeatAt == null ? null : Instant.parse(heartbeatAt);
    if (heartbeat == null || heartbeat.isBefore(Instant.now().minus(STALE))) {
      return true;
    }
    if (pid != null && Objects.equals(host, LOCAL_HOST)) {
      return ProcessHandle.of(pid)
          .map(p -> !p.isAlive() || startedAfter(p, heartbeat))
          .orElse(true);
    }
    return false;
  }

  /** Whether {@code process} began after {@code heartbeat} (when the system says). */
  private static boolean startedAfter(ProcessHandle process, Instant heartbeat) {
    return process.info().startInstant().map(start -> start.isAfter(heartbeat)).orElse(false);
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
