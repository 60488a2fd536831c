package dev.trialbase.store;

import org.jdbi.v3.core.Handle;

/**
 * The SQL that differs between SQLite and PostgreSQL, in one place per database; everything
 * else the store runs is the same text on both. The schemas mean the same (see the
 * migrations under {@code db/migration} and {@code db/postgresql}); PostgreSQL's
 * text columns collate as {@code "C"}, so text sorts and compares byte by byte there as it
 * does in SQLite. {@link Database#dialect()} says which one a store speaks.
 */
public enum Dialect {

  /** An SQLite file, as Trialbase always used. */
  SQLITE {
    @Override
    public String likeOperator(boolean negated) {
      return negated ? "not like " : "like ";
    }

    @Override
    public String likeSuffix() {
      return "";
    }

    @Override
    public String orderedJoin() {
      return "cross join";
    }

    @Override
    String lockWait(int millis) {
      return "pragma busy_timeout = " + millis;
    }

    @Override
    String replaceTestMetric() {
      return "insert or replace into test_metrics (run_id, metric, value) values (?, ?, ?)";
    }

    @Override
    boolean numberedParameters() {
      return true;
    }

    @Override
    String lastInsertId() {
      return "select last_insert_rowid()";
    }

    @Override
    void streamRows(Handle handle) {
      // sqlite-jdbc steps through rows as they are read.
    }

    /** See {@link RunRecorder#RunRecorder(Database)} for why, measured. */
    @Override
    void prepareWriter(java.sql.Connection connection) throws java.sql.SQLException {
      try (java.sql.Statement s = connection.createStatement()) {
        s.execute("pragma foreign_keys = off");
        s.execute("pragma temp_store = memory");
      }
      connection.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig()
          .setGetGeneratedKeys(false);
    }
  },

  /** A PostgreSQL database shared by several machines. */
  POSTGRESQL {
    /**
     * Case-insensitive and without an escape character, as SQLite's {@code LIKE} is for
     * ASCII text (PostgreSQL's {@code LIKE} is case-sensitive and escapes with a backslash).
     */
    @Override
    public String likeOperator(boolean negated) {
      return negated ? "not ilike " : "ilike ";
    }

    @Override
    public String likeSuffix() {
      return " escape ''";
    }

    /** PostgreSQL has no {@code cross join ... on}; its planner picks the order itself. */
    @Override
    public String orderedJoin() {
      return "join";
    }

    @Override
    String lockWait(int millis) {
      return "set lock_timeout = " + millis;
    }

    @Override
    String replaceTestMetric() {
      return "insert into test_metrics (run_id, metric, value) values (?, ?, ?) "
          + "on conflict (run_id, metric) do update set value = excluded.value";
    }

    /** pgjdbc takes only {@code ?}: a value used in every row is bound in every row. */
    @Override
    boolean numberedParameters() {
      return false;
    }

    /** The session's last sequence value: the identity the insert before just took. */
    @Override
    String lastInsertId() {
      return "select lastval()";
    }

    /**
     * pgjdbc reads a whole result into memory unless it reads through a cursor, which needs a
     * transaction and a fetch size.
     */
    @Override
    void streamRows(Handle handle) {
      handle.addCustomizer(org.jdbi.v3.core.statement.StatementCustomizers.fetchSize(1000));
      handle.begin();
    }

    @Override
    void prepareWriter(java.sql.Connection connection) {
      // Foreign keys stay checked: PostgreSQL checks them cheaply, and other writers share
      // the database.
    }
  };

  /** {@code LIKE} or {@code NOT LIKE} with SQLite's meaning: ASCII case ignored, no escape. */
  public abstract String likeOperator(boolean negated);

  /** What follows a {@code LIKE} pattern. */
  public abstract String likeSuffix();

  /** A join whose left table the planner should read first (SQLite's {@code cross join}). */
  public abstract String orderedJoin();

  /** The statement that makes this connection wait at most {@code millis} for a lock. */
  abstract String lockWait(int millis);

  /**
   * Stores a test-set score, replacing one stored before for the same run and metric; its
   * values are the run, the metric and the score, in that order.
   */
  abstract String replaceTestMetric();

  /** Whether statements may number parameters ({@code ?1}) and use one several times. */
  abstract boolean numberedParameters();

  /** The id of the row the last insert on this connection made. */
  abstract String lastInsertId();

  /**
   * Makes {@code handle}'s queries read their rows as they are taken rather than all at once,
   * for walks through runs of millions of trials; {@link StreamingHandle} applies it and ends
   * any transaction it begins.
   */
  abstract void streamRows(Handle handle);

  /** Sets up the connection a {@link RunRecorder} writes trials through. */
  abstract void prepareWriter(java.sql.Connection connection) throws java.sql.SQLException;
}
