package io.apex.temporal.perf.gaps;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns {@link System#nanoTime()} readings into wall-clock instants, so that the client's own
 * timings can be set beside the server's event times (same machine, same clock). One reference pair
 * is taken when it is made; over a benchmark run the two clocks drift by far less than the
 * millisecond figures it reports.
 */
public final class WallClock {
  private final Instant referenceInstant;
  private final long referenceNanos;

  public WallClock() {
    this.referenceNanos = System.nanoTime();
    this.referenceInstant = Instant.now();
  }

  public Instant at(long nanoTime) {
    return referenceInstant.plus(Duration.ofNanos(nanoTime - referenceNanos));
  }
}
