package io.apex.temporal.config;

import java.net.URI;
import java.util.Optional;

/**
 * Distributed tracing: on or off, and the OpenTelemetry collector it exports spans to when on. For
 * {@code HTTP} the endpoint is the full URL of the traces resource, e.g. {@code
 * http://collector:4318/v1/traces}.
 */
public record Tracing(boolean enabled, Optional<URI> endpoint, TracingProtocol protocol) {}
