package io.apex.temporal.ingestion;

import io.apex.temporal.config.DocumentStoreSettings;
import io.apex.temporal.config.IngestionTuning;
import io.apex.temporal.config.TemporalConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How documents are ingested: the store and the chunking and batching, both as apex-config read and
 * validated them, and the largest file accepted.
 */
public record IngestionSettings(
    DocumentStoreSettings store, IngestionTuning tuning, long maxDocumentBytes) {

  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 50L * 1024 * 1024;

  public IngestionSettings {
    if (store == null || tuning == null) {
      throw new IllegalArgumentException("store and tuning settings are required");
    }
    if (maxDocumentBytes < 1) {
      throw new IllegalArgumentException("maxDocumentBytes must be >= 1, got " + maxDocumentBytes);
    }
  }

  /** The settings' store and tuning, and the default largest document. */
  public static IngestionSettings of(TemporalConfig config) {
    return new IngestionSettings(config.store(), config.ingestion(), DEFAULT_MAX_DOCUMENT_BYTES);
  }

  /**
   * The embedded PostgreSQL under {@code dataDirectory} on {@code embeddedPort}, and the defaults
   * of {@code reference.conf} for the rest.
   */
  public static IngestionSettings embedded(Path dataDirectory, int embeddedPort) {
    TemporalConfig defaults = TemporalConfig.defaults();
    return new IngestionSettings(
        new DocumentStoreSettings(
            Optional.empty(), "", Optional.empty(), dataDirectory, embeddedPort),
        defaults.ingestion(),
        DEFAULT_MAX_DOCUMENT_BYTES);
  }

  public IngestionSettings withMaxDocumentBytes(long newMax) {
    return new IngestionSettings(store, tuning, newMax);
  }

  public IngestionSettings withTuning(IngestionTuning newTuning) {
    return new IngestionSettings(store, newTuning, maxDocumentBytes);
  }
}
