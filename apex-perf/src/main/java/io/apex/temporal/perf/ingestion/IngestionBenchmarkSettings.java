package io.apex.temporal.perf.ingestion;

/**
 * How much the ingestion benchmark runs: {@code short} (CI, about four minutes here) or {@code
 * full}. Read from the same {@code apex.perf.profile} system property as the other scenarios. With
 * no separate 300 KB samples, the searchability run gives that class's latency. The warm-up is long
 * because the JIT compilers warm a wide code base slowly on two busy cores: their CPU in the
 * measured phase fell from 35 to 16 ms per document between 150 and 700 warm-up documents.
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
        ? new IngestionBenchmarkSettings("full", 700, 1000, 16, 60, 10, 3)
        : new IngestionBenchmarkSettings("short", 700, 400, 16, 10, 2, 0);
  }
}
