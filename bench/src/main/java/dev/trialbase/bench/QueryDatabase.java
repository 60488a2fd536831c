package dev.trialbase.bench;

import dev.trialbase.eval.Summary;
import dev.trialbase.store.Database;
import dev.trialbase.store.FoldScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Handle;

/**
 * Generates a query benchmark database fast: the schema comes from {@link Database#open} (so it
 * is the real one, indexes and all), the rows from batched inserts in large transactions.
 *
 * <p>Run 1 has {@code trials} trials, run 2 has 1,000; both are random searches of the same
 * three parameters ({@code C} a log float, {@code penalty} one of l1, l2, elasticnet or null,
 * {@code maxIts} an int) on the same data, seed and folds, so {@code compare} pairs them. About
 * 3% of trials failed (no scores); each complete trial has 5 accuracy fold scores and their mean
 * and sample standard deviation in {@code trial_metrics}, consistent with the folds. About 4%
 * of trials have a mean accuracy above 0.9.
 */
final class QueryDatabase {

  static final int SMALL_RUN_TRIALS = 1_000;
  static final int FOLDS = 5;
  /** Bump when the generated content changes, so cached files are not reused. */
  private static final int VERSION = 2;
  private static final String[] PENALTIES = {"l1", "l2", "elasticnet", null};
  private static final String TRAIN_SHA = "5f0c3c1c2d7c4b0f9e0b6f2a9e6d1c3b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2d";

  private QueryDatabase() {
  }

  /** The database for {@code trials}, generated into {@code dir} unless it is already there. */
  static Path obtain(Path dir, int trials) throws Exception {
    Path file = dir.resolve("query-" + trials + "-v" + VERSION + ".db");
    if (Files.isRegularFile(file)) {
      return file;
    }
    Path partial = dir.resolve("query-" + trials + "-v" + VERSION + ".partial-"
        + ProcessHandle.current().pid() + ".db");
    generate(partial, trials);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** Writes a new database to {@code file}. */
  static void generate(Path file, int trials) throws Exception {
    Files.deleteIfExists(file);
    Database database = Database.open(file);
    try (Handle h = database.jdbi().open()) {
      Connection c = h.getConnection();
      try (Statement s = c.createStatement()) {
        s.execute("pragma synchronous = off");
        s.execute("pragma foreign_keys = off");
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("insert into experiments (id, name, created_at) values (1, 'bench-query', '"
            + Instant.EPOCH + "')");
      }
      long best1 = trials(c, 1, trials, 11);
      long best2 = trials(c, 2, SMALL_RUN_TRIALS, 22);
      run(c, 1, trials, best1);
      run(c, 2, SMALL_RUN_TRIALS, best2);
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        // No ANALYZE: a user's database has no statistics either, so the planner sees the same.
        s.execute("pragma wal_checkpoint(truncate)");
      }
    }
    Files.deleteIfExists(Path.of(file + "-wal"));
    Files.deleteIfExists(Path.of(file + "-shm"));
  }

  private static void run(Connection c, long id, int trials, long best) throws Exception {
    String spec = """
        {"experiment":"bench-query","data":{"train":"train.csv","target":"Survived"},\
        "estimator":{"name":"weka-logistic"},"strategy":{"name":"random"},\
        "space":{"C":{"type":"float","low":1.0E-4,"high":10000.0,"log":true},\
        "penalty":["l1","l2","elasticnet",null],\
        "maxIts":{"type":"int","low":50,"high":500,"step":50}},\
        "trials":%d,"folds":5,"metrics":["accuracy"],"objective":"accuracy","seed":42}"""
        .formatted(trials);
    try (PreparedStatement s = c.prepareStatement("""
        insert into runs (id, experiment_id, status, strategy, estimator, seed, folds, objective,
          maximize, planned_trials, spec_json, spec_path, train_path, train_sha256,
          plugins_json, trialbase_version, jvm, os, host, pid, started_at, ended_at,
          heartbeat_at, best_trial)
        values (?, 1, 'complete', 'random', 'weka-logistic', 42, 5, 'accuracy', 1, ?, ?,
          '/bench/spec.json', '/bench/train.csv', ?, '[]', '0.1.0', 'bench', 'bench', 'bench',
          1, ?, ?, ?, ?)
        """)) {
      s.setLong(1, id);
      s.setLong(2, trials);
      s.setString(3, spec);
      s.setString(4, TRAIN_SHA);
      s.setString(5, Instant.ofEpochSecond(1_700_000_000L + id * 100_000).toString());
      s.setString(6, Instant.ofEpochSecond(1_700_000_000L + id * 100_000 + trials / 1000).toString());
      s.setString(7, Instant.ofEpochSecond(1_700_000_000L + id * 100_000 + trials / 1000).toString());
      s.setLong(8, best);
      s.executeUpdate();
    }
  }

  /** Inserts the trials of run {@code runId}; returns the best trial's number. */
  private static long trials(Connection c, long runId, int trials, long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    long best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    try (PreparedStatement trial = c.prepareStatement("""
            insert into trials (run_id, number, status, objective, started_at, ended_at,
              duration_ms, error_class, error_message) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedStatement param = c.prepareStatement("""
            insert into params (run_id, trial_number, name, position, type, value_text,
              value_num) values (?, ?, ?, ?, ?, ?, ?)""");
        PreparedStatement mean = c.prepareStatement("""
            insert into trial_metrics (run_id, trial_number, metric, mean, std, fold_scores)
            values (?, ?, 'accuracy', ?, ?, ?)""")) {
      long startSecond = 1_700_000_000L + runId * 100_000;
      for (int n = 0; n < trials; n++) {
        double cValue = Math.exp(random.nextDouble(Math.log(1e-4), Math.log(1e4)));
        String penalty = PENALTIES[random.nextInt(PENALTIES.length)];
        long maxIts = 50 + 50L * random.nextInt(10);
        boolean failed = random.nextDouble() < 0.03;
        double quality = 0.5 + 0.45 * Math.pow(random.nextDouble(), 3);
        double[] folds = new double[FOLDS];
        for (int k = 0; k < FOLDS; k++) {
          folds[k] = Math.min(1, Math.max(0, quality + 0.01 * random.nextGaussian()));
        }
        Summary summary = Summary.of(folds);
        String at = Instant.ofEpochMilli(startSecond * 1000 + n).toString();
        trial.setLong(1, runId);
        trial.setLong(2, n);
        trial.setString(3, failed ? "failed" : "complete");
        if (failed) {
          trial.setNull(4, java.sql.Types.REAL);
        } else {
          trial.setDouble(4, summary.mean());
        }
        trial.setString(5, at);
        trial.setString(6, at);
        trial.setDouble(7, 1.0);
        trial.setString(8, failed ? "dev.trialbase.api.InvalidParamsException" : null);
        trial.setString(9, failed ? "benchmark failure" : null);
        trial.addBatch();
        addParam(param, runId, n, "C", 0, "float", Double.toString(cValue), cValue);
        addParam(param, runId, n, "penalty", 1, penalty == null ? "null" : "string", penalty,
            null);
        addParam(param, runId, n, "maxIts", 2, "int", Long.toString(maxIts), (double) maxIts);
        if (!failed) {
          mean.setLong(1, runId);
          mean.setLong(2, n);
          mean.setDouble(3, summary.mean());
          mean.setDouble(4, summary.std());
          mean.setString(5, FoldScores.encode(folds));
          mean.addBatch();
          if (summary.mean() > bestScore) {
            bestScore = summary.mean();
            best = n;
          }
        }
        if (n % 20_000 == 19_999 || n == trials - 1) {
          trial.executeBatch();
          param.executeBatch();
          mean.executeBatch();
        }
        if (n % 200_000 == 199_999) {
          c.commit();
        }
      }
    }
    return best;
  }

  private static void addParam(PreparedStatement s, long runId, long n, String name,
      int position, String type, String text, Double num) throws Exception {
    s.setLong(1, runId);
    s.setLong(2, n);
    s.setString(3, name);
    s.setInt(4, position);
    s.setString(5, type);
    s.setString(6, text);
    if (num == null) {
      s.setNull(7, java.sql.Types.REAL);
    } else {
      s.setDouble(7, num);
    }
    s.addBatch();
  }
}
