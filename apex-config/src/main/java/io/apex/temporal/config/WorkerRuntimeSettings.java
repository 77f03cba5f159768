package io.apex.temporal.config;

import java.time.Duration;

/**
 * How the worker process itself runs: its task queue, the embedded-server choice and whether a
 * server address was configured at all (which rules out starting the embedded server in {@code
 * auto} mode), the metrics port and the address it listens on, and how long a shutdown waits for
 * in-flight tasks before it stops hard.
 */
public record WorkerRuntimeSettings(
    String taskQueue,
    EmbeddedServerMode embeddedServer,
    boolean serverAddressConfigured,
    int metricsPort,
    String metricsBindAddress,
    Duration drainTimeout) {}
