package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run has one owner: of two processes taking over a stopped run, one gets it and the other
 * is refused naming the owner; a dead owner is recognised by its pid, by a pid that another
 * process took over, and by a stale heartbeat.
 */
class RunOwnershipTest {

  @TempDir
  Path dir;

  @Test
  void ofTwoTakingOverAStoppedRunOneGetsItAndTheOtherIsRefusedNamingTheOwner() {
    Database db = Database.open(dir.resolve("own.db"));
    long runId;
    try (RunRecorder first = new RunRecorder(db)) {
      runId = first.beginRun(StoreTestData.newRun("owned"));
      first.finishRun(runId, RunStatus.INTERRUPTED, null, Map.of(), "stopped");
    }
    try (RunRecorder winner = new RunRecorder(db);
        RunRecorder loser = new RunRecorder(Database.open(db.file()))) {
      winner.reopenRun(runId, 4242, "host-a");
      assertThatThrownBy(() -> loser.reopenRun(runId, 777, "host-b"))
          .isInstanceOf(RunOwnedException.class)
          .hasMessageContaining("run " + runId + " is being run by process 4242 on host-a");
    }
    try (Handle h = db.jdbi().open()) {
      assertThat(h.createQuery("select status || ' ' || pid || ' ' || host from runs")
          .mapTo(String.class).one()).isEqualTo("running 4242 host-a");
    }
  }

  @Test
  void aLiveLocalOwnerWithAFreshHeartbeatIsAlive() {
    assertThat(Liveness.abandoned(Liveness.localHost(), ProcessHandle.current().pid(),
        Instant.now().toString())).isFalse();
  }

  @Test
  void aStaleHeartbeatMeansDeadEvenWhenTheLocalPidIsAlive() {
    String stale = Instant.now().minus(Liveness.STALE).minusSeconds(1).toString();
    assertThat(Liveness.abandoned(Liveness.localHost(), ProcessHandle.current().pid(), stale))
        .isTrue();
    assertThat(Liveness.abandoned("elsewhere.invalid", 1L, stale)).isTrue();
    assertThat(Liveness.abandoned("elsewhere.invalid", 1L, Instant.now().toString())).isFalse();
  }

  @Test
  void aPidTakenOverByAProcessStartedAfterTheLastHeartbeatMeansDead() throws Exception {
    String beforeStart = Instant.now().minusSeconds(5).toString();
    Process other = new ProcessBuilder("sleep", "30").start();
    try {
      String afterStart = Instant.now().plusSeconds(1).toString();
      assertThat(Liveness.abandoned(Liveness.localHost(), other.pid(), beforeStart))
          .as("the pid's process began after the owner's last heartbeat").isTrue();
      assertThat(Liveness.abandoned(Liveness.localHost(), other.pid(), afterStart))
          .as("the pid's process began before the heartbeat: it is the owner").isFalse();
    } finally {
      other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(Liveness.abandoned(Liveness.localHost(), other.pid(), beforeStart))
        .as("no process has the pid").isTrue();
  }
}
