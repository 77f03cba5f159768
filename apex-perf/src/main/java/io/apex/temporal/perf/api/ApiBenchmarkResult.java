package io.apex.temporal.perf.api;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What the HTTP API benchmark measured, with its settings and where it ran, and the floors it
 * checked. The run passes when every floor its profile claims passed.
 */
public record ApiBenchmarkResult(
    ApiBenchmarkSettings settings,
    String server,
    String store,
    String machine,
    Uploads onePageUploads,
    Uploads seeding,
    long storedChunks,
    SearchIndexSettling.Settled indexSettled,
    List<SearchLatency> search,
    List<Floor> floors) {

  /**
   * Documents uploaded and polled until completed, from the first upload to the last completion.
   */
  public record Uploads(
      int documents, int completed, int failed, long chunks, double seconds, double perMinute) {}

  /**
   * One concurrency level's search latency, in milliseconds, after its warm-up: {@code warmUp}
   * unmeasured queries in rounds until the JIT compilers were quiet during one, which {@code
   * warmedUp} says; the CPU time per measured query of this JVM (the worker and the benchmark's
   * clients) and of PostgreSQL.
   */
  public record SearchLatency(
      int clients,
      long queries,
      int failed,
      double p50,
      double p90,
      double p99,
      double max,
      double queriesPerSecond,
      long warmUp,
      boolean warmedUp,
      double jvmCpuMillisPerQuery,
      double postgresCpuMillisPerQuery) {

    static SearchLatency of(
        int clients,
        Histogram micros,
        int failed,
        double seconds,
        SearchWarmUp.Done warmUp,
        CpuNanos cpu) {
      long count = micros.getTotalCount();
      return new SearchLatency(
          clients,
          count,
          failed,
          millis(micros, 50),
          millis(micros, 90),
          millis(micros, 99),
          count == 0 ? 0 : micros.getMaxValue() / 1000.0,
          seconds <= 0 ? 0 : count / seconds,
          warmUp.queries(),
          warmUp.quiet(),
          count == 0 ? 0 : cpu.jvm() / 1e6 / count,
          count == 0 ? 0 : cpu.postgres() / 1e6 / count);
    }

    private static double millis(Histogram micros, double percentile) {
      return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  /** CPU time a phase took, in nanoseconds: this JVM's and PostgreSQL's. */
  record CpuNanos(long jvm, long postgres) {}

  /**
   * One target: what it requires, what was measured, and whether this run's profile claims it. A
   * claimed floor passes only when it ran and held; an unclaimed one is reported and fails nothing.
   */
  public record Floor(
      String name, String required, String measured, Verdict verdict, boolean claimed) {
    public boolean holds() {
      return !claimed || verdict == Verdict.PASSED;
    }
  }

  public enum Verdict {
    PASSED,
    MISSED,
    NOT_RUN
  }

  public boolean passed() {
    return floors.stream().anyMatch(Floor::claimed) && floors.stream().allMatch(Floor::holds);
  }
}
