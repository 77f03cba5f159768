package io.apex.temporal.perf.api;

import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.MetricsText;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Waits, after seeding, for the worker's search index to merge into one segment (it does once
 * writes pause), as its metrics endpoint says ({@code apex_search_index_segments}): search latency
 * is measured over the index at rest, not while a merge takes a core.
 */
final class SearchIndexSettling {
  static final Duration LONGEST = Duration.ofMinutes(5);

  /** How long the wait took, and the segments the index had when it ended. */
  record Settled(double seconds, int segments) {}

  private final String metricsTarget;

  /**
   * @param metricsTarget host:port of the worker's metrics endpoint
   */
  SearchIndexSettling(String metricsTarget) {
    this.metricsTarget = metricsTarget;
  }

  Settled await() {
    long began = System.nanoTime();
    Deadline.await(LONGEST, () -> segments() == 1);
    return new Settled((System.nanoTime() - began) / 1e9, segments());
  }

  private int segments() {
    OptionalDouble value = MetricsText.scrape(metricsTarget).total("apex_search_index_segments");
    return value.isPresent() && !Double.isNaN(value.getAsDouble()) ? (int) value.getAsDouble() : -1;
  }
}
