package io.apex.temporal.workflows.ingestion;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Ingestion activities for a workflow unit test: each call is recorded by its activity type, and a
 * test can make a step fail, block until released, or report unchanged content.
 */
public final class ScriptedActivities implements DocumentIngestionActivities {
  static final int CHUNKS = 7;
  static final int ENTITIES = 3;

  final List<String> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Supplier<RuntimeException>> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private volatile boolean unchanged;
  private volatile long sizeBytes = 1_000;
  private volatile String blockedStep;
  final CountDownLatch blockedStarted = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);

  ScriptedActivities failing(String activityType, Supplier<RuntimeException> failure) {
    failures.put(activityType, failure);
    return this;
  }

  /** Fails the first {@code times} attempts of the activity, then lets it succeed. */
  ScriptedActivities failingTimes(
      String activityType, int times, Supplier<RuntimeException> failure) {
    AtomicInteger left = new AtomicInteger(times);
    failures.put(activityType, () -> left.getAndDecrement() > 0 ? failure.get() : null);
    return this;
  }

  ScriptedActivities unchanged() {
    unchanged = true;
    return this;
  }

  ScriptedActivities sized(long bytes) {
    sizeBytes = bytes;
    return this;
  }

  ScriptedActivities blockingAt(String activityType) {
    blockedStep = activityType;
    return this;
  }

  int attempts(String activityType) {
    return attempts.getOrDefault(activityType, new AtomicInteger()).get();
  }

  static Supplier<RuntimeException> nonRetryable(String message, String type) {
    return () -> ApplicationFailure.newFailure(message, type);
  }

  static Supplier<RuntimeException> transientFailure(String message) {
    return () -> ApplicationFailure.newFailure(message, "Transient");
  }

  private void step() {
    String type = Activity.getExecutionContext().getInfo().getActivityType();
    calls.add(type);
    attempts.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
    if (type.equals(blockedStep)) {
      blockedStarted.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Supplier<RuntimeException> failure = failures.get(type);
    RuntimeException thrown = failure == null ? null : failure.get();
    if (thrown != null) {
      throw thrown;
    }
  }

  @Override
  public StagedDocument stage(IngestionRequest request) {
    step();
    return new StagedDocument(
        request.documentId(),
        request.source(),
        request.path(),
        unchanged ? null : "staging-" + request.documentId(),
        "c0ffee",
        sizeBytes,
        unchanged,
        unchanged ? CHUNKS : 0,
        unchanged ? ENTITIES : 0);
  }

  @Override
  public ParsedDocument parse(StagedDocument staged) {
    step();
    return new ParsedDocument("text/plain", 4_000, CHUNKS);
  }

  @Override
  public int extractEntities(StagedDocument staged) {
    step();
    return ENTITIES;
  }

  @Override
  public int generateEmbeddings(StagedDocument staged) {
    step();
    return CHUNKS;
  }

  @Override
  public WrittenDocument write(StagedDocument staged) {
    step();
    return new WrittenDocument(CHUNKS, ENTITIES);
  }

  @Override
  public void deleteWrittenVersion(StagedDocument staged) {
    step();
  }

  @Override
  public boolean deleteDocument(DeletionRequest request) {
    step();
    return true;
  }

  @Override
  public void cleanup(StagedDocument staged) {
    step();
  }
}
