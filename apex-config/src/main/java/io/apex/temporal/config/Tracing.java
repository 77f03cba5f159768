package io.apex.temporal.config;

import java.net.URI;
import java.util.Optional;

/** Distributed tracing: on or off, and the collector endpoint it exports to when on. */
public record Tracing(boolean enabled, Optional<URI> endpoint) {}
