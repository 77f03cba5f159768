package io.apex.temporal.worker.internal.ingestion;

import io.apex.temporal.config.DocumentStoreSettings;
import io.apex.temporal.config.Secret;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.ingestion.StoreSettings;

/** Turns the validated store settings into apex-ingestion's settings, with its other defaults. */
public final class IngestionSettingsFactory {
  private IngestionSettingsFactory() {}

  /** The store and the directories a worker may read files from by path. */
  public static IngestionSettings from(TemporalConfig config) {
    return from(config.store()).withIngestRoots(config.ingestRoots().directories());
  }

  /** The store only: no file is read by path (for commands that only search or report). */
  public static IngestionSettings from(DocumentStoreSettings store) {
    StoreSettings storeSettings =
        new StoreSettings(
            store.jdbcUrl().orElse(null),
            store.user().isEmpty() ? null : store.user(),
            store.password().map(Secret::reveal).orElse(null),
            store.dataDirectory(),
            store.embeddedPort());
    return IngestionSettings.defaults(store.dataDirectory()).withStore(storeSettings);
  }
}
