package io.apex.temporal.config;

/**
 * How much work one worker takes on at once and how it polls. The workflow cache holds workflow
 * executions between tasks so that a later task does not replay the whole history.
 */
public record WorkerLimits(
    int maxWorkflowTasks,
    int maxActivities,
    int workflowPollers,
    int activityPollers,
    int workflowCacheSize) {}
