package io.apex.temporal.testkit;

/**
 * A Temporal server that tests and benchmarks run against: {@link DevServerTarget} (the temporal
 * CLI's dev server), {@link InProcessServer} (a server this JVM runs, such as the worker's embedded
 * Java test server), {@link TestServerJvm} (the Java test server in a JVM of its own). Workers and
 * clients reach it at {@code host():port()}; it can be stopped and started again on the same port.
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
