package io.apex.temporal.perf.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Recorder;

/**
 * The one shape every latency histogram has: microseconds from 1 µs to ten minutes, three
 * significant digits (0.1 % resolution), so that any two of them can be added.
 */
public final class LatencyHistograms {
  static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
  static final int SIGNIFICANT_DIGITS = 3;

  private LatencyHistograms() {}

  public static ConcurrentHistogram concurrent() {
    return new ConcurrentHistogram(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
  }

  public static Recorder recorder() {
    return new Recorder(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
  }

  /** A latency in the histograms' unit, clamped into their range. */
  public static long micros(long nanos) {
    return Math.min(HIGHEST_MICROS, Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
  }
}
