package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.IngestionMetrics;
import io.apex.temporal.workflows.ingestion.DeletionRequest;
import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.ParsedDocument;
import io.apex.temporal.workflows.ingestion.StagedDocument;
import io.apex.temporal.workflows.ingestion.WrittenDocument;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion activities on the real components. Thread-safe; every method is idempotent. Input
 * that can never succeed becomes a non-retryable {@link ApplicationFailure} of a type in {@link
 * IngestionFailures}, whose message is the reason; anything else stays retryable.
 */
final class IngestionActivities implements DocumentIngestionActivities {
  private static final Logger log = LoggerFactory.getLogger(IngestionActivities.class);

  /** What runs after a write's commit to make it searchable; a test may inject a failing one. */
  interface AfterWrite {
    void committed(String documentId);
  }

  private final DocumentStager stager;
  private final DocumentParser parser;
  private final TextChunker chunker;
  private final EntityExtractor extractor;
  private final ChunkEmbedder embedder;
  private final StagingTables staging;
  private final DocumentTables documents;
  private final AfterWrite afterWrite;
  private final IngestionMetrics metrics;

  IngestionActivities(
      DocumentStager stager,
      DocumentParser parser,
      TextChunker chunker,
      EntityExtractor extractor,
      ChunkEmbedder embedder,
      StagingTables staging,
      DocumentTables documents,
      AfterWrite afterWrite,
      IngestionMetrics metrics) {
    this.stager = stager;
    this.parser = parser;
    this.chunker = chunker;
    this.extractor = extractor;
    this.embedder = embedder;
    this.staging = staging;
    this.documents = documents;
    this.afterWrite = afterWrite;
    this.metrics = metrics;
  }

  @Override
  public StagedDocument stage(IngestionRequest request) {
    return guarded(
        "stage_document",
        request == null ? null : request.documentId(),
        () -> {
          var staged = stager.stage(request);
          log.info(
              "staged document {} ({} bytes, sha256 {}){}",
              staged.documentId(),
              staged.sizeBytes(),
              staged.contentSha256(),
              staged.unchanged() ? ": unchanged" : "");
          return staged;
        });
  }

  @Override
  public ParsedDocument parse(StagedDocument staged) {
    return guarded(
        "parse_document",
        documentId(staged),
        () -> {
          requireStaged(staged);
          var content =
              staging
                  .content(staged.stagingKey())
                  .orElseThrow(
                      () -> new StagingTables.MissingStagedVersionException(staged.stagingKey()));
          var text =
              parser.parse(content.content(), DocumentStager.fileName(Path.of(content.path())));
          List<String> chunks = chunker.chunks(text.text());
          if (chunks.isEmpty()) {
            throw new InvalidDocumentException(
                IngestionFailures.INVALID_DOCUMENT, content.path() + " has no text to ingest");
          }
          staging.saveChunks(staged.stagingKey(), text.mediaType(), text.text().length(), chunks);
          return new ParsedDocument(text.mediaType(), text.text().length(), chunks.size());
        });
  }

  @Override
  public int extractEntities(StagedDocument staged) {
    return guarded(
        "extract_entities",
        documentId(staged),
        () -> {
          requireStaged(staged);
          var mentions = new ArrayList<StagingTables.IndexedMention>();
          for (var chunk : staging.chunks(staged.stagingKey(), false)) {
            for (EntityMention m : extractor.extract(chunk.text())) {
              mentions.add(new StagingTables.IndexedMention(chunk.index(), m));
            }
          }
          return staging.saveMentions(staged.stagingKey(), mentions);
        });
  }

  @Override
  public int generateEmbeddings(StagedDocument staged) {
    return guarded(
        "generate_embeddings",
        documentId(staged),
        () -> {
          requireStaged(staged);
          // Chunks embedded by an earlier attempt keep their embeddings.
          var pending = staging.chunks(staged.stagingKey(), true);
          int batch = embedder.batchSize();
          for (int from = 0; from < pending.size(); from += batch) {
            stopIfAbandoned(staged, from, pending.size());
            var slice = pending.subList(from, Math.min(pending.size(), from + batch));
            long started = System.nanoTime();
            var vectors =
                embedder.embedBatch(slice.stream().map(StagingTables.StagedChunk::text).toList());
            metrics.embeddingBatch(slice.size(), Duration.ofNanos(System.nanoTime() - started));
            staging.saveEmbeddings(
                staged.stagingKey(),
                slice.stream().map(StagingTables.StagedChunk::index).toList(),
                vectors);
          }
          return staging.chunkCount(staged.stagingKey());
        });
  }

  /** Between batches: an attempt that timed out or was cancelled stops, saying how far it got. */
  private static void stopIfAbandoned(StagedDocument staged, int done, int total) {
    try {
      CurrentAttempt.stopIfAbandoned();
    } catch (ActivityCompletionException e) {
      log.info(
          "generate_embeddings of document {} stopped after {} of {} pending chunks: its attempt"
              + " was cancelled or timed out ({})",
          staged.documentId(),
          done,
          total,
          e.getClass().getSimpleName());
      throw e;
    }
  }

  @Override
  public WrittenDocument write(StagedDocument staged) {
    return guarded(
        "write_document",
        documentId(staged),
        () -> {
          requireStaged(staged);
          long t0 = System.nanoTime();
          var outcome = documents.write(staged.stagingKey());
          long t1 = System.nanoTime();
          metrics.storeWrite("write", Duration.ofNanos(t1 - t0));
          if (outcome.changed()) {
            metrics.versionWritten(
                staged.source(), staged.sizeBytes(), outcome.chunks(), outcome.entities());
          }
          // Also on a repeated write: the earlier attempt may have died before this step.
          afterWrite.committed(staged.documentId());
          long t2 = System.nanoTime();
          log.info(
              "wrote document {} version {}: {} chunks, {} entities{} (store {} ms, index {} ms)",
              staged.documentId(),
              staged.contentSha256(),
              outcome.chunks(),
              outcome.entities(),
              outcome.changed() ? "" : " (already written)",
              (t1 - t0) / 1_000_000,
              (t2 - t1) / 1_000_000);
          return new WrittenDocument(outcome.chunks(), outcome.entities());
        });
  }

  @Override
  public void deleteWrittenVersion(StagedDocument staged) {
    guarded(
        "delete_written_version",
        documentId(staged),
        () -> {
          requireStaged(staged);
          if (staged.unchanged()) {
            // Nothing was written for an unchanged document: the current version is not ours.
            return null;
          }
          long started = System.nanoTime();
          boolean removed = documents.deleteVersion(staged.documentId(), staged.stagingKey());
          metrics.storeWrite("delete_version", Duration.ofNanos(System.nanoTime() - started));
          afterWrite.committed(staged.documentId());
          log.info(
              "compensated write of document {} version {}: {}",
              staged.documentId(),
              staged.contentSha256(),
              removed ? "removed" : "nothing of it was current");
          return null;
        });
  }

  @Override
  public boolean deleteDocument(DeletionRequest request) {
    String documentId = request == null ? null : request.documentId();
    return guarded(
        "delete_document",
        documentId,
        () -> {
          if (documentId == null || documentId.isBlank()) {
            throw new InvalidDocumentException(
                IngestionFailures.INVALID_REQUEST, "the deletion request has no document ID");
          }
          long started = System.nanoTime();
          boolean removed = documents.delete(documentId);
          metrics.storeWrite("delete_document", Duration.ofNanos(System.nanoTime() - started));
          afterWrite.committed(documentId);
          log.info(
              "deleted document {}: {}",
              documentId,
              removed ? "its stored version removed" : "no stored version was left");
          return removed;
        });
  }

  @Override
  public void cleanup(StagedDocument staged) {
    guarded(
        "cleanup_staging",
        documentId(staged),
        () -> {
          requireStaged(staged);
          staging.remove(staged.stagingKey());
          return null;
        });
  }

  private static String documentId(StagedDocument staged) {
    return staged == null ? null : staged.documentId();
  }

  private static void requireStaged(StagedDocument staged) {
    if (staged == null
        || staged.stagingKey() == null
        || staged.stagingKey().isBlank()
        || staged.documentId() == null) {
      throw new InvalidDocumentException(
          IngestionFailures.INVALID_REQUEST, "the staged document has no staging key or ID");
    }
  }

  /**
   * Times the step's attempt and maps what can never succeed to a non-retryable failure; the rest
   * stays retryable.
   */
  private <T> T guarded(String step, String documentId, Supplier<T> work) {
    long started = System.nanoTime();
    boolean succeeded = false;
    try {
      T result = work.get();
      succeeded = true;
      return result;
    } catch (InvalidDocumentException e) {
      log.warn("{} of document {} failed for good: {}", step, documentId, e.getMessage());
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), e.failureType());
    } catch (StagingTables.MissingStagedVersionException e) {
      log.warn("{} of document {} failed for good: {}", step, documentId, e.getMessage());
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), IngestionFailures.VALIDATION);
    } catch (DocumentTables.WriteRefusedException e) {
      metrics.storeError(step);
      log.warn("{} of document {} failed for good: {}", step, documentId, e.getMessage());
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), IngestionFailures.VALIDATION);
    } catch (Transactions.StoreException e) {
      metrics.storeError(step);
      if (e.isConstraintViolation()) {
        log.warn("{} of document {} refused by the store: {}", step, documentId, e.getMessage());
        throw ApplicationFailure.newNonRetryableFailure(
            e.getMessage(), IngestionFailures.VALIDATION);
      }
      throw e;
    } finally {
      metrics.stepFinished(step, Duration.ofNanos(System.nanoTime() - started), succeeded);
    }
  }
}
