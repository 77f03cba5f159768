package io.apex.temporal.perf.load;

import org.HdrHistogram.Histogram;

/** The percentiles of a latency histogram, in milliseconds. */
public record LatencySummary(
    long count,
    double meanMs,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double p999Ms,
    double maxMs) {

  public static LatencySummary of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(
        micros.getTotalCount(),
        round(micros.getMean() / 1000.0),
        millis(micros, 50),
        millis(micros, 90),
        millis(micros, 99),
        millis(micros, 99.9),
        round(micros.getMaxValue() / 1000.0));
  }

  private static double millis(Histogram micros, double percentile) {
    return round(micros.getValueAtPercentile(percentile) / 1000.0);
  }

  /** Microsecond resolution is all a millisecond figure can honestly claim. */
  private static double round(double millis) {
    return Math.round(millis * 1000.0) / 1000.0;
  }
}
