package io.apex.temporal.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the Temporal frontend. {@code connectTimeout} bounds how long start-up keeps
 * retrying an unreachable server before it gives up.
 */
public record Connection(
    String host,
    int port,
    String namespace,
    Optional<Tls> tls,
    Optional<Secret> apiKey,
    Duration connectTimeout) {

  /** The gRPC target, {@code host:port}. */
  public String target() {
    return host + ":" + port;
  }
}
