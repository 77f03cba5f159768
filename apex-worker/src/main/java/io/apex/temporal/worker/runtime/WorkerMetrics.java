package io.apex.temporal.worker.runtime;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.apex.temporal.worker.internal.metrics.IngestionMeters;
import io.apex.temporal.worker.internal.metrics.LatencyBuckets;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.util.function.BooleanSupplier;

/**
 * The worker's Prometheus registry: the SDK's {@code temporal_*} metrics (through the SDK's
 * Micrometer reporter), JVM and process metrics, and the worker's own readiness.
 */
public final class WorkerMetrics implements Managed {
  /** How often the SDK's tally scope hands its counters to Micrometer. */
  private static final com.uber.m3.util.Duration REPORT_INTERVAL =
      com.uber.m3.util.Duration.ofSeconds(1);

  private final PrometheusMeterRegistry registry;
  private final Scope scope;
  private JvmGcMetrics gcMetrics;
  private JvmHeapPressureMetrics heapPressureMetrics;

  public WorkerMetrics() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new LatencyBuckets()).meterFilter(new IngestionMeters());
    scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(REPORT_INTERVAL);
  }

  @Override
  public String name() {
    return "metrics registry";
  }

  @Override
  public void start() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    heapPressureMetrics = new JvmHeapPressureMetrics();
    heapPressureMetrics.bindTo(registry);
  }

  /** Publishes {@code apex_worker_ready}: 1 while the worker polls, 0 otherwise. */
  public void trackReadiness(BooleanSupplier ready) {
    Gauge.builder("apex_worker_ready", () -> ready.getAsBoolean() ? 1 : 0)
        .description("1 while the worker is connected and polling its task queue")
        .register(registry);
  }

  /** The scope to hand to the SDK's service stubs. */
  public Scope scope() {
    return scope;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void stop() {
    // Closing the scope reports the last counts; the SDK's reporter then closes the registry.
    try {
      scope.close();
    } catch (com.uber.m3.tally.ScopeCloseException e) {
      throw new IllegalStateException("could not flush the last metrics", e);
    }
    if (gcMetrics != null) {
      gcMetrics.close();
    }
    if (heapPressureMetrics != null) {
      heapPressureMetrics.close();
    }
  }
}
