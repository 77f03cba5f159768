package io.apex.temporal.perf.settings;

/** How much work each scenario does. A profile gives the defaults; each can be overridden. */
public record ScenarioSizes(
    int warmupWorkflows,
    int sequentialWorkflows,
    int concurrency,
    int closedLoopSeconds,
    RampPlan ramp,
    int burstWorkflows,
    int memoryWorkflows,
    int memorySampleEvery) {}
