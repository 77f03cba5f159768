package io.apex.temporal.worker.internal.ingestion;

import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.ParsedDocument;
import io.apex.temporal.workflows.ingestion.StagedDocument;
import io.apex.temporal.workflows.ingestion.WrittenDocument;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingestion activities that keep everything in memory, for tests of the worker's wiring and the
 * command line (the real ones are apex-ingestion's, tested in the integration tests). A chunk is
 * 100 characters of the file; an empty file is an invalid document.
 */
final class InMemoryIngestionActivities implements DocumentIngestionActivities {
  record Stored(String sha256, int chunks) {}

  final Map<String, Stored> stored = new ConcurrentHashMap<>();
  final AtomicInteger stagings = new AtomicInteger();
  final CountDownLatch stageStarted = new CountDownLatch(1);
  volatile CountDownLatch holdStage = new CountDownLatch(0);

  @Override
  public StagedDocument stage(IngestionRequest request) {
    stagings.incrementAndGet();
    stageStarted.countDown();
    try {
      holdStage.await(30, TimeUnit.SECONDS);
      byte[] content = Files.readAllBytes(Path.of(request.path()));
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
      Stored current = stored.get(request.documentId());
      boolean unchanged = current != null && current.sha256().equals(sha);
      return new StagedDocument(
          request.documentId(),
          request.source(),
          request.path(),
          unchanged ? null : request.documentId() + "@" + sha,
          sha,
          content.length,
          unchanged,
          unchanged ? current.chunks() : 0,
          0);
    } catch (IOException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "file not found or unreadable: " + request.path(), IngestionFailures.NOT_FOUND);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ParsedDocument parse(StagedDocument staged) {
    if (staged.sizeBytes() == 0) {
      throw ApplicationFailure.newNonRetryableFailure(
          "empty file", IngestionFailures.INVALID_DOCUMENT);
    }
    return new ParsedDocument("text/plain", staged.sizeBytes(), chunks(staged));
  }

  private static int chunks(StagedDocument staged) {
    return (int) ((staged.sizeBytes() + 99) / 100);
  }

  @Override
  public int extractEntities(StagedDocument staged) {
    return 0;
  }

  @Override
  public int generateEmbeddings(StagedDocument staged) {
    return chunks(staged);
  }

  @Override
  public WrittenDocument write(StagedDocument staged) {
    stored.put(staged.documentId(), new Stored(staged.contentSha256(), chunks(staged)));
    return new WrittenDocument(chunks(staged), 0);
  }

  @Override
  public void deleteWrittenVersion(StagedDocument staged) {
    stored.computeIfPresent(
        staged.documentId(),
        (id, current) -> current.sha256().equals(staged.contentSha256()) ? null : current);
  }

  @Override
  public boolean deleteDocument(io.apex.temporal.workflows.ingestion.DeletionRequest request) {
    return false;
  }

  @Override
  public void cleanup(StagedDocument staged) {}
}
