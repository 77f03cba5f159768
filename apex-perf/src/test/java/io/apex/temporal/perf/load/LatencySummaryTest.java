package io.apex.temporal.perf.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesAreReportedInMilliseconds() {
    Histogram micros = LatencyHistograms.concurrent();
    for (int millis = 1; millis <= 100; millis++) {
      micros.recordValue(millis * 1000L);
    }

    LatencySummary summary = LatencySummary.of(micros);

    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50Ms()).isCloseTo(50, within(0.1));
    assertThat(summary.p90Ms()).isCloseTo(90, within(0.1));
    assertThat(summary.p99Ms()).isCloseTo(99, within(0.1));
    assertThat(summary.maxMs()).isCloseTo(100, within(0.1));
    assertThat(summary.meanMs()).isCloseTo(50.5, within(0.1));
  }

  @Test
  void anEmptyHistogramSummarisesToZeros() {
    assertThat(LatencySummary.of(LatencyHistograms.concurrent()))
        .isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void latenciesOutsideTheHistogramsRangeAreClampedNotLost() {
    assertThat(LatencyHistograms.micros(0)).isEqualTo(1);
    assertThat(LatencyHistograms.micros(Long.MAX_VALUE))
        .isEqualTo(LatencyHistograms.HIGHEST_MICROS);
  }

  @Test
  void latencyCountsFromTheIntendedStartNotFromWhenTheStartCallReturned() {
    Completion completion = new Completion("wf-1", 1_000, 5_000, 11_000);

    assertThat(completion.latencyNanos()).isEqualTo(10_000);
  }
}
