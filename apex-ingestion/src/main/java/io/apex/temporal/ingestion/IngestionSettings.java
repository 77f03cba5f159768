package io.apex.temporal.ingestion;

import java.nio.file.Path;
import java.util.List;

/**
 * How documents are ingested: the store, the largest file accepted, the chunking, how many chunks
 * are embedded in one call of the model, and the directories under which files are read by path.
 */
public record IngestionSettings(
    StoreSettings store,
    long maxDocumentBytes,
    int chunkCharacters,
    int chunkOverlap,
    int embeddingBatchSize,
    List<Path> ingestRoots) {

  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 50L * 1024 * 1024;
  public static final int DEFAULT_CHUNK_CHARACTERS = 1000;
  public static final int DEFAULT_CHUNK_OVERLAP = 150;
  public static final int DEFAULT_EMBEDDING_BATCH_SIZE = 32;

  public IngestionSettings {
    ingestRoots = List.copyOf(ingestRoots);
    if (store == null) {
      throw new IllegalArgumentException("store settings are required");
    }
    if (maxDocumentBytes < 1) {
      throw new IllegalArgumentException("maxDocumentBytes must be >= 1, got " + maxDocumentBytes);
    }
    if (chunkCharacters < 100) {
      throw new IllegalArgumentException("chunkCharacters must be >= 100, got " + chunkCharacters);
    }
    if (chunkOverlap < 0 || chunkOverlap >= chunkCharacters / 2) {
      throw new IllegalArgumentException(
          "chunkOverlap must be 0 to less than half of chunkCharacters, got " + chunkOverlap);
    }
    if (embeddingBatchSize < 1) {
      throw new IllegalArgumentException(
          "embeddingBatchSize must be >= 1, got " + embeddingBatchSize);
    }
  }

  /**
   * The embedded PostgreSQL under {@code dataDirectory}, the defaults above, and no ingest root: no
   * file is read by path until roots are given.
   */
  public static IngestionSettings defaults(Path dataDirectory) {
    return new IngestionSettings(
        StoreSettings.embedded(dataDirectory),
        DEFAULT_MAX_DOCUMENT_BYTES,
        DEFAULT_CHUNK_CHARACTERS,
        DEFAULT_CHUNK_OVERLAP,
        DEFAULT_EMBEDDING_BATCH_SIZE,
        List.of());
  }

  public IngestionSettings withStore(StoreSettings newStore) {
    return new IngestionSettings(
        newStore, maxDocumentBytes, chunkCharacters, chunkOverlap, embeddingBatchSize, ingestRoots);
  }

  public IngestionSettings withMaxDocumentBytes(long newMax) {
    return new IngestionSettings(
        store, newMax, chunkCharacters, chunkOverlap, embeddingBatchSize, ingestRoots);
  }

  public IngestionSettings withEmbeddingBatchSize(int newBatchSize) {
    return new IngestionSettings(
        store, maxDocumentBytes, chunkCharacters, chunkOverlap, newBatchSize, ingestRoots);
  }

  /** The directories under which a file named by path may be read. */
  public IngestionSettings withIngestRoots(List<Path> roots) {
    return new IngestionSettings(
        store, maxDocumentBytes, chunkCharacters, chunkOverlap, embeddingBatchSize, roots);
  }
}
