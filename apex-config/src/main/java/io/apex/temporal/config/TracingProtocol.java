package io.apex.temporal.config;

/** How spans travel to the collector: OTLP over gRPC (port 4317) or over HTTP (port 4318). */
public enum TracingProtocol {
  GRPC,
  HTTP
}
