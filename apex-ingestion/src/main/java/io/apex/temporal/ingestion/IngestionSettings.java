package io.apex.temporal.ingestion;

import io.apex.temporal.config.DocumentStoreSettings;
import io.apex.temporal.config.IngestionTuning;
import io.apex.temporal.config.TemporalConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How documents are ingested: the store and the chunking and batching, both as apex-config read and
 * validated them, the largest file accepted, and the directories under which files are read by
 * path.
 */
public record IngestionSettings(
    DocumentStoreSettings store,
    IngestionTuning tuning,
    long maxDocumentBytes,
    List<Path> ingestRoots) {

  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 50L * 1024 * 1024;

  public IngestionSettings {
    if (store == null || tuning == null) {
      throw new IllegalArgumentException("store and tuning settings are required");
    }
    if (maxDocumentBytes < 1) {
      throw new IllegalArgumentException("maxDocumentBytes must be >= 1, got " + maxDocumentBytes);
    }
    ingestRoots = List.copyOf(ingestRoots);
  }

  /** The settings' store, tuning, largest document and ingest roots. */
  public static IngestionSettings of(TemporalConfig config) {
    return new IngestionSettings(
        config.store(),
        config.ingestion(),
        config.api().maxDocumentBytes(),
        config.ingestRoots().directories());
  }

  /**
   * The embedded PostgreSQL under {@code dataDirectory} on {@code embeddedPort}, the defaults of
   * {@code reference.conf} for the rest, and no ingest root: no file is read by path until roots
   * are given.
   */
  public static IngestionSettings embedded(Path dataDirectory, int embeddedPort) {
    TemporalConfig defaults = TemporalConfig.defaults();
    return new IngestionSettings(
        new DocumentStoreSettings(
            Optional.empty(), "", Optional.empty(), dataDirectory, embeddedPort),
        defaults.ingestion(),
        DEFAULT_MAX_DOCUMENT_BYTES,
        List.of());
  }

  public IngestionSettings withMaxDocumentBytes(long newMax) {
    return new IngestionSettings(store, tuning, newMax, ingestRoots);
  }

  public IngestionSettings withTuning(IngestionTuning newTuning) {
    return new IngestionSettings(store, newTuning, maxDocumentBytes, ingestRoots);
  }

  /** The directories under which a file named by path may be read. */
  public IngestionSettings withIngestRoots(List<Path> roots) {
    return new IngestionSettings(store, tuning, maxDocumentBytes, roots);
  }
}
