package io.apex.temporal.worker.internal.tracing;

import io.apex.temporal.config.Tracing;
import io.apex.temporal.config.TracingProtocol;
import io.apex.temporal.worker.runtime.Managed;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import io.temporal.opentracing.OpenTracingOptions;
import io.temporal.opentracing.OpenTracingWorkerInterceptor;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spans for workflow starts, workflow runs and activity runs, exported over OTLP when tracing is
 * on. The SDK traces through OpenTracing; a shim hands its spans to OpenTelemetry. When tracing is
 * off this part adds no interceptors and costs nothing.
 */
public final class WorkerTracing implements Managed {
  private static final Logger log = LoggerFactory.getLogger(WorkerTracing.class);
  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private final Tracing settings;
  private final String serviceName;
  private SdkTracerProvider provider;
  private OpenTracingOptions options;

  public WorkerTracing(Tracing settings, String serviceName) {
    this.settings = settings;
    this.serviceName = serviceName;
  }

  @Override
  public String name() {
    return "tracing";
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      return;
    }
    URI endpoint = settings.endpoint().orElseThrow();
    provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))))
            .addSpanProcessor(BatchSpanProcessor.builder(exporter(endpoint)).build())
            .build();
    OpenTelemetrySdk openTelemetry =
        OpenTelemetrySdk.builder()
            .setTracerProvider(provider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    options =
        OpenTracingOptions.newBuilder()
            .setTracer(OpenTracingShim.createTracerShim(openTelemetry))
            .build();
    log.info(
        "tracing on: OTLP over {} to {}, service {}",
        settings.protocol().name().toLowerCase(java.util.Locale.ROOT),
        endpoint,
        serviceName);
  }

  private SpanExporter exporter(URI endpoint) {
    return settings.protocol() == TracingProtocol.HTTP
        ? OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString()).build()
        : OtlpGrpcSpanExporter.builder().setEndpoint(endpoint.toString()).build();
  }

  /** Interceptors for the workflow client: a span per workflow start, signal and query. */
  public List<WorkflowClientInterceptor> clientInterceptors() {
    return options == null ? List.of() : List.of(new OpenTracingClientInterceptor(options));
  }

  /** Interceptors for the worker: a span per workflow run and activity run. */
  public List<WorkerInterceptor> workerInterceptors() {
    return options == null ? List.of() : List.of(new OpenTracingWorkerInterceptor(options));
  }

  /** Flushes the spans not yet exported. */
  @Override
  public void stop() {
    if (provider != null) {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }
}
