package io.apex.temporal.perf.api;

/**
 * How much the HTTP API benchmark runs: {@code short} (CI, a few minutes here) or {@code full}.
 * Read from the same {@code apex.perf.profile} system property as the other scenarios. The short
 * profile seeds fewer chunks than the issue's 20,000 and uploads fewer documents so that CI stays
 * within its time: its latencies are not over the issue's corpus, so only the full profile claims
 * the issue's targets (throughput, latency, 20,000 chunks); the short one claims that every upload
 * completed and every search was answered, and reports the rest.
 *
 * @param seedDocumentCharacters the size of a seeding document: about 22 chunks of the worker's
 *     default 1,000-character chunks with 150 overlapping
 * @param searchWarmUp queries sent, unmeasured, in each warm-up round before a concurrency level
 * @param searchWarmUpSeconds how long a level's warm-up rounds may go on before the JIT compilers
 *     are quiet during one
 */
public record ApiBenchmarkSettings(
    String profile,
    int uploadWarmUp,
    int uploadDocuments,
    int uploadConcurrency,
    int seedChunks,
    int seedDocumentCharacters,
    int seedConcurrency,
    int searchWarmUp,
    int searchWarmUpSeconds,
    int queriesPerClient,
    boolean claimsTargets) {

  /** The issue's corpus size for the search latency targets. */
  public static final int ISSUE_CHUNKS = 20_000;

  public static ApiBenchmarkSettings of(String profile) {
    return "full".equals(profile)
        ? new ApiBenchmarkSettings(
            "full", 700, 300, 16, ISSUE_CHUNKS, 19_000, 8, 2_000, 180, 500, true)
        : new ApiBenchmarkSettings("short", 10, 120, 16, 4_000, 19_000, 8, 40, 5, 100, false);
  }
}
