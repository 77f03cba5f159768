package io.apex.temporal.perf.scenario;

import java.util.List;

/**
 * The unmeasured workflows that run first, so that JIT compilation and connection set-up are done.
 */
public record WarmUpResult(
    int workflows,
    int concurrency,
    long completed,
    long failed,
    double seconds,
    List<String> failureMessages) {}
