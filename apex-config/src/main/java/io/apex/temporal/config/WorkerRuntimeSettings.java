package io.apex.temporal.config;

import java.time.Duration;

/**
 * How the worker process itself runs: its task queue, the embedded-server choice, the metrics
 * port and the address it listens on, and how long a shutdown waits for in-flight tasks before it
 * stops hard.
 */
public record WorkerRuntimeSettings(
    String taskQueue,
    EmbeddedServerMode embeddedServer,
    int metricsPort,
    String metricsBindAddress,
    Duration drainTimeout) {}
