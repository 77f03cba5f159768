package io.apex.temporal.perf.ingestion;

/**
 * How much the ingestion benchmark runs: {@code short} (CI, about a minute and a half here) or
 * {@code full}. Read from the same {@code apex.perf.profile} system property as the other
 * scenarios. With no separate 300 KB samples, the searchability run gives that class's latency.
 */
public record IngestionBenchmarkSettings(
    String profile,
    int warmUp,
    int throughputDocuments,
    int concurrency,
    int onePageSamples,
    int tenPageSamples,
    int largeSamples) {

  public static IngestionBenchmarkSettings of(String profile) {
    return "full".equals(profile)
        ? new IngestionBenchmarkSettings("full", 20, 600, 16, 60, 10, 3)
        : new IngestionBenchmarkSettings("short", 5, 40, 16, 10, 2, 0);
  }
}
