package io.apex.temporal.api.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code apex_http_requests_seconds}: each request's latency by route template (never the path
 * itself, so the series stay bounded), method and status.
 */
public final class HttpMeters {
  private static final Duration[] BUCKETS = {
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
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;

  public HttpMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(String route, String method, int status, Duration took) {
    Timer.builder("apex.http.requests")
        .description("HTTP requests of the memory service API, by route, method and status")
        .tag("route", route)
        .tag("method", method)
        .tag("status", String.valueOf(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(took);
  }
}
