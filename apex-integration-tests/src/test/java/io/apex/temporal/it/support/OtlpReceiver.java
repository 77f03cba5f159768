package io.apex.temporal.it.support;

/** An OTLP trace endpoint in the test's process that keeps the names of the spans it received. */
public interface OtlpReceiver extends AutoCloseable {
  /** What TEMPORAL_TRACING_PROTOCOL names this receiver's protocol. */
  String protocol();

  /** What TEMPORAL_TRACING_ENDPOINT points the worker at. */
  String endpoint();

  /** True once some export carried a span of exactly this name. */
  boolean received(String spanName);

  @Override
  void close();
}
