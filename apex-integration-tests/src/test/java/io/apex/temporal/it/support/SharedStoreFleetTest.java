package io.apex.temporal.it.support;

import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.TemporalTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Worker processes on the dev server sharing one PostgreSQL that this test runs, so killing a
 * worker never takes the store down.
 */
public abstract class SharedStoreFleetTest extends IntegrationTest {
  private SharedPostgres store;

  @Override
  protected TemporalTarget newTarget() {
    return new DevServerTarget();
  }

  @BeforeAll
  void startTheSharedStore() {
    store = SharedPostgres.start();
  }

  @AfterAll
  void stopTheSharedStore() {
    if (store != null) {
      store.close();
    }
  }

  protected SharedPostgres store() {
    return store;
  }
}
