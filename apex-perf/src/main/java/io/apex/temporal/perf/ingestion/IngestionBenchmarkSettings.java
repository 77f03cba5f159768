package io.apex.temporal.perf.ingestion;

/**
 * How much the ingestion benchmark runs: {@code short} (CI, well under two minutes) or {@code
 * full}. Read from the same {@code apex.perf.profile} system property as the other scenarios.
 */
public record IngestionBenchmarkSettings(
    String profile, int warmUp, int throughputDocuments, int concurrency, int onePageSamples,
    int tenPageSamples, int largeSamples) {

  public static IngestionBenchmarkSettings of(String profile) {
    return "full".equals(profile)
        ? new IngestionBenchmarkSettings("full", 20, 600, 16, 60, 10, 3)
        : new IngestionBenchmarkSettings("short", 10, 150, 16, 20, 4, 1);
  }
}
