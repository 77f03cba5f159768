package io.apex.temporal.it.support;

/**
 * A Temporal server the integration tests run against. Workers and clients reach it at {@code
 * host():port()}; it can be stopped and started again on the same port.
 */
public interface TemporalTarget extends AutoCloseable {
  /** Names the server in test display names and failure messages. */
  String name();

  String host();

  int port();

  void start();

  void stop();

  @Override
  default void close() {
    stop();
  }
}
