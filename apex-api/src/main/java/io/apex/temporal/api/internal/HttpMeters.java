package io.apex.temporal.api.internal;

import io.apex.temporal.api.ApiServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code apex_http_requests_seconds}: each request's latency by route template (never the path
 * itself, so the series stay bounded), method and status. Its histogram buckets come from the
 * registry's filters (the worker's latency buckets), as the SDK's timers' do.
 */
public final class HttpMeters {
  private final MeterRegistry registry;

  public HttpMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(String route, String method, int status, Duration took) {
    Timer.builder(ApiServer.REQUEST_TIMER)
        .description("HTTP requests of the memory service API, by route, method and status")
        .tag("route", route)
        .tag("method", method)
        .tag("status", String.valueOf(status))
        .register(registry)
        .record(took);
  }
}
