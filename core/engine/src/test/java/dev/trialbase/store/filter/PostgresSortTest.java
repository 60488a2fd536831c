package dev.trialbase.store.filter;

import dev.trialbase.store.Database;
import dev.trialbase.store.PostgresServer;
import dev.trialbase.store.StoreLocation;
import org.junit.jupiter.api.BeforeAll;

/** Every sort of {@link SortTest}, with the same expected order, on PostgreSQL. */
class PostgresSortTest extends SortTest {

  @BeforeAll
  static void createDatabase() {
    db = TrialFixture.create(Database.open(StoreLocation.parse(PostgresServer.newDatabaseUrl())));
  }
}
