package dev.trialbase.store.filter;

import dev.trialbase.store.Database;
import dev.trialbase.store.PostgresServer;
import dev.trialbase.store.StoreLocation;
import org.junit.jupiter.api.BeforeAll;

/** Every filter of {@link FilterQueryTest}, with the same expected trials, on PostgreSQL. */
class PostgresFilterQueryTest extends FilterQueryTest {

  @BeforeAll
  static void createDatabase() {
    db = TrialFixture.create(Database.open(StoreLocation.parse(PostgresServer.newDatabaseUrl())));
  }
}
