package io.apex.temporal.perf.target;

import io.apex.temporal.config.WorkerLimits;

/**
 * What a phase ran against, as the report states it. {@code workerLimits} are those of the worker
 * the benchmark started, {@code null} in load-only mode, where the workers are other processes.
 * {@code serverSettings} says whether the server ran tuned or on its defaults, and which keys.
 */
public record TargetDescription(
    String kind,
    String phase,
    String server,
    String address,
    String namespace,
    String taskQueue,
    boolean loadOnly,
    boolean workerInThisJvm,
    WorkerLimits workerLimits,
    String serverSettings) {}
