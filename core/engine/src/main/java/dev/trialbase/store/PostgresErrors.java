package dev.trialbase.store;

import dev.trialbase.spec.Messages;
import java.sql.SQLException;

/**
 * Reads PostgreSQL's errors into one line that names the database by its redacted location
 * and says what went wrong: the server cannot be reached, the credentials are refused, the
 * database does not exist. Works from SQLSTATE codes only, so the driver's classes are not
 * needed here. The driver's messages hold no password, and {@link Credentials#scrub} removes
 * one anyway should a message ever quote it.
 */
final class PostgresErrors {

  private PostgresErrors() {
  }

  /** One line about {@code e}, prefixed with the database's name. */
  static StoreException failure(StoreLocation location, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String server = Credentials.scrub(location, Messages.firstLine(e.getMessage()));
    String message;
    if (state.startsWith("08")) {
      message = "cannot connect to the PostgreSQL server; is it running and is the host and "
          + "port right? (PostgreSQL: " + server + ")";
    } else if (state.equals("28P01") || state.equals("28000")) {
      message = "the PostgreSQL server refused the credentials; give the user and password "
          + "in the URL, in PGUSER/PGPASSWORD or in ~/.pgpass (PostgreSQL: " + server + ")";
    } else if (state.equals("3D000")) {
      message = "the database does not exist; create it first, e.g. createdb (PostgreSQL: "
          + server + ")";
    } else if (state.equals("42501")) {
      message = "access to the database is denied (PostgreSQL: " + server + ")";
    } else if (state.equals("55P03") || state.equals("40P01")) {
      message = "the database is locked by another program, which held it longer than "
          + "Trialbase waits (PostgreSQL: " + server + ")";
    } else if (state.equals("53100")) {
      message = "the server's disk is full (PostgreSQL: " + server + ")";
    } else {
      message = "cannot use the database (PostgreSQL: " + server + ")";
    }
    return new StoreException(location + ": " + message, e);
  }

  /**
   * {@code e} as a {@link StoreException} naming {@code location} when an
   * {@link SQLException} is among its causes; a {@link StoreException} as it is; anything
   * else unchanged.
   */
  static RuntimeException named(StoreLocation location, RuntimeException e) {
    return SqliteErrors.named(location.toString(), e, sql -> failure(location, sql));
  }
}
