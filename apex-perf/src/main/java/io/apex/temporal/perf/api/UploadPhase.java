package io.apex.temporal.perf.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads documents through {@code POST /v1/documents} with a number in flight, each followed by
 * polling {@code GET /v1/documents/{id}} until it completed or failed: the time from the first
 * upload to the last completion, and the chunks the store now holds for them.
 */
final class UploadPhase {
  private static final Logger log = LoggerFactory.getLogger(UploadPhase.class);
  private static final Duration DOCUMENT_TIMEOUT = Duration.ofMinutes(5);
  // Polls start often, for a fair completion time, and back off so that polling does not take
  // the two cores the pipeline needs.
  private static final long FIRST_POLL_MILLIS = 20;
  private static final long LONGEST_POLL_MILLIS = 250;

  private final MemoryServiceHttp api;

  UploadPhase(MemoryServiceHttp api) {
    this.api = api;
  }

  /** One document to upload: its file name and content. */
  record Upload(String fileName, byte[] content) {}

  record Outcome(int documents, int completed, int failed, long chunks, double seconds) {
    double documentsPerMinute() {
      return seconds <= 0 ? 0 : completed * 60.0 / seconds;
    }

    double chunksPerSecond() {
      return seconds <= 0 ? 0 : chunks / seconds;
    }
  }

  Outcome run(int documents, int inFlight, IntFunction<Upload> upload) throws Exception {
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong chunks = new AtomicLong();
    AtomicLong lastCompleted = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(inFlight);
    List<Future<?>> done = new ArrayList<>(documents);
    long begin = System.nanoTime();
    try {
      for (int i = 0; i < documents; i++) {
        int n = i;
        done.add(
            clients.submit(
                () -> {
                  Upload document = upload.apply(n);
                  try {
                    MemoryServiceHttp.DocumentStage stage = ingest(document);
                    if (stage.completed()) {
                      completed.incrementAndGet();
                      chunks.addAndGet(stage.chunks());
                      lastCompleted.accumulateAndGet(System.nanoTime(), Math::max);
                    } else {
                      failed.incrementAndGet();
                      log.error(
                          "document {} not ingested: stage {}, reason {}",
                          document.fileName(),
                          stage.stage(),
                          stage.reason());
                    }
                  } catch (Exception e) {
                    failed.incrementAndGet();
                    log.error("document {} not ingested: {}", document.fileName(), e.toString());
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      clients.shutdownNow();
      clients.awaitTermination(10, TimeUnit.SECONDS);
    }
    long end = completed.get() == 0 ? System.nanoTime() : lastCompleted.get();
    return new Outcome(documents, completed.get(), failed.get(), chunks.get(), (end - begin) / 1e9);
  }

  private MemoryServiceHttp.DocumentStage ingest(Upload document) throws Exception {
    String id = api.upload("perf", document.fileName(), document.content());
    long deadline = System.nanoTime() + DOCUMENT_TIMEOUT.toNanos();
    long pause = FIRST_POLL_MILLIS;
    while (true) {
      MemoryServiceHttp.DocumentStage stage = api.stage(id);
      if (stage.completed() || stage.failed()) {
        return stage;
      }
      if (System.nanoTime() > deadline) {
        return new MemoryServiceHttp.DocumentStage(
            stage.stage(), 0, "not completed within " + DOCUMENT_TIMEOUT);
      }
      Thread.sleep(pause);
      pause = Math.min(LONGEST_POLL_MILLIS, pause * 3 / 2);
    }
  }
}
