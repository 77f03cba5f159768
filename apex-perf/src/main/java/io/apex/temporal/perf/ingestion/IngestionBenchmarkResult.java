package io.apex.temporal.perf.ingestion;

import java.util.List;
import java.util.Map;

/**
 * What the ingestion benchmark measured, and the floors it checked. {@code latencyMillis} holds p50
 * and p90 per size class; {@code floors} each say what was required and what was measured.
 */
public record IngestionBenchmarkResult(
    String profile,
    String server,
    String store,
    String machine,
    int throughputDocuments,
    int concurrency,
    double documentsPerMinute,
    Map<SizeClass, Latency> latencyMillis,
    double embeddingChunksPerSecond,
    double largeSearchableSeconds,
    int failedDocuments,
    Breakdown breakdown,
    List<Floor> floors) {

  public record Latency(int samples, long p50, long p90, long max, int chunksEach) {}

  public record Floor(String name, String required, String measured, boolean passed) {}

  public boolean passed() {
    return !floors.isEmpty() && floors.stream().allMatch(Floor::passed);
  }
}
