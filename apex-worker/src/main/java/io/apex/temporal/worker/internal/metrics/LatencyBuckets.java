package io.apex.temporal.worker.internal.metrics;

import io.apex.temporal.api.ApiServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Gives the SDK's latency timers and the API's request timer a fixed set of Prometheus histogram
 * buckets, 1 ms to 60 s. The SDK asks for Micrometer's default percentile histogram, about 70
 * buckets per series; these 16 cover what a workflow platform sees and keep the scrape small.
 */
public final class LatencyBuckets implements MeterFilter {
  private static final double[] BUCKETS_NANOS =
      Stream.of(
              Duration.ofMillis(1),
              Duration.ofMillis(2),
              Duration.ofMillis(5),
              Duration.ofMillis(10),
              Duration.ofMillis(25),
              Duration.ofMillis(50),
              Duration.ofMillis(100),
              Duration.ofMillis(250),
              Duration.ofMillis(500),
              Duration.ofSeconds(1),
              Duration.ofMillis(2500),
              Duration.ofSeconds(5),
              Duration.ofSeconds(10),
              Duration.ofSeconds(20),
              Duration.ofSeconds(30),
              Duration.ofSeconds(60))
          .mapToDouble(Duration::toNanos)
          .toArray();

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (id.getType() != Meter.Type.TIMER
        || !(id.getName().startsWith("temporal_")
            || id.getName().equals(ApiServer.REQUEST_TIMER))) {
      return config;
    }
    return DistributionStatisticConfig.builder()
        .percentilesHistogram(false)
        .serviceLevelObjectives(BUCKETS_NANOS)
        .build()
        .merge(config);
  }
}
