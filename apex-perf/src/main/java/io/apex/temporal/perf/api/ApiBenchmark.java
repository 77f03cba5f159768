package io.apex.temporal.perf.api;

import io.apex.temporal.perf.api.ApiBenchmarkResult.SearchLatency;
import io.apex.temporal.perf.api.ApiBenchmarkResult.Uploads;
import io.apex.temporal.testkit.SampleDocuments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phases, in order, all through the HTTP API: a warm-up of one-page uploads, one-page upload
 * throughput, seeding the store with larger generated documents to the profile's chunk count, then
 * search latency at 1 and at 8 clients over everything stored.
 */
final class ApiBenchmark {
  private static final Logger log = LoggerFactory.getLogger(ApiBenchmark.class);
  static final int[] CLIENTS = {1, ApiFloors.FLOOR_CLIENTS};
  private static final int EXPECTED_SEED_CHUNKS = 22;

  private final ApiBenchmarkSettings settings;
  private final UploadPhase uploads;
  private final SearchPhase search;
  private final GeneratedCorpus corpus = new GeneratedCorpus(42);
  private int onePageSeed;
  private int seedDocuments;

  private final SearchIndexSettling index;

  /**
   * @param postgresCpuNanos the store's CPU time so far
   */
  ApiBenchmark(
      ApiBenchmarkSettings settings,
      MemoryServiceHttp api,
      SearchIndexSettling index,
      LongSupplier postgresCpuNanos) {
    this.settings = settings;
    this.index = index;
    this.uploads = new UploadPhase(api);
    this.search = new SearchPhase(api, postgresCpuNanos);
  }

  ApiFloors.Measured run() throws Exception {
    log.info("api warm-up: {} one-page uploads", settings.uploadWarmUp());
    Uploads warmUp = onePage(settings.uploadWarmUp());
    log.info(
        "api uploads: {} one-page documents, {} in flight",
        settings.uploadDocuments(),
        settings.uploadConcurrency());
    Uploads onePage = onePage(settings.uploadDocuments());
    log.info("api uploads: {}", onePage);
    Uploads seeding = seed(settings.seedChunks());
    log.info("api seeding: {}", seeding);
    long stored = warmUp.chunks() + onePage.chunks() + seeding.chunks();
    SearchIndexSettling.Settled settled = index.await();
    log.info(
        "api search index: {} segment(s) after waiting {} s for its merge",
        settled.segments(),
        String.format(java.util.Locale.ROOT, "%.1f", settled.seconds()));
    List<SearchLatency> latency = new ArrayList<>();
    for (int level = 0; level < CLIENTS.length; level++) {
      int clients = CLIENTS[level];
      // Each level asks its own queries, so that no answer comes from a cache the last level
      // warmed.
      int offset = level * 1_000_000;
      SearchLatency measured =
          search.run(
              clients,
              new SearchWarmUp(settings.searchWarmUp(), settings.searchWarmUpSeconds()),
              settings.queriesPerClient(),
              q -> corpus.query(offset + q, seedDocuments));
      log.info("api search over {} chunks: {}", stored, measured);
      latency.add(measured);
    }
    return new ApiFloors.Measured(
        Optional.of(onePage),
        Optional.of(seeding),
        stored,
        Optional.of(settled),
        List.copyOf(latency));
  }

  private Uploads onePage(int documents) throws Exception {
    int first = onePageSeed;
    onePageSeed += documents;
    UploadPhase.Outcome outcome =
        uploads.run(
            documents,
            settings.uploadConcurrency(),
            i ->
                new UploadPhase.Upload(
                    "one-page-" + (first + i) + ".txt",
                    SampleDocuments.text(
                        SampleDocuments.pages("api upload " + (first + i), 1, first + i))));
    return uploads(outcome, outcome.documentsPerMinute());
  }

  /** Larger documents until the store holds the chunk count asked for. */
  private Uploads seed(int chunks) throws Exception {
    int documents = 0;
    int completed = 0;
    int failed = 0;
    long seeded = 0;
    double seconds = 0;
    while (seeded < chunks) {
      double perDocument = completed == 0 ? EXPECTED_SEED_CHUNKS : (double) seeded / completed;
      int batch = (int) Math.ceil((chunks - seeded) / perDocument);
      log.info("api seeding: {} documents of ~{} chunks", batch, Math.round(perDocument));
      int first = seedDocuments;
      seedDocuments += batch;
      UploadPhase.Outcome outcome =
          uploads.run(
              batch,
              settings.seedConcurrency(),
              i ->
                  new UploadPhase.Upload(
                      "seed-" + (first + i) + ".txt",
                      corpus
                          .document(first + i, settings.seedDocumentCharacters())
                          .getBytes(StandardCharsets.UTF_8)));
      documents += outcome.documents();
      completed += outcome.completed();
      failed += outcome.failed();
      seeded += outcome.chunks();
      seconds += outcome.seconds();
      if (outcome.chunks() == 0) {
        log.error("api seeding stopped: a batch of {} documents stored no chunk", batch);
        break;
      }
    }
    return new Uploads(
        documents, completed, failed, seeded, seconds, seconds <= 0 ? 0 : completed * 60 / seconds);
  }

  private static Uploads uploads(UploadPhase.Outcome outcome, double perMinute) {
    return new Uploads(
        outcome.documents(),
        outcome.completed(),
        outcome.failed(),
        outcome.chunks(),
        outcome.seconds(),
        perMinute);
  }
}
