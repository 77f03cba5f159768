package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.ActivityCount;
import io.apex.temporal.perf.load.Timeline;
import io.apex.temporal.perf.load.WorkflowLauncher;
import java.time.Duration;

/**
 * What every scenario works with: the launcher for the current target, the run's timeline, how long
 * a scenario waits for its last results once it has stopped starting workflows, and the count of
 * activities in the target's histories.
 */
public record ScenarioContext(
    WorkflowLauncher launcher,
    Timeline timeline,
    Duration drainTimeout,
    ActivityCount activities) {}
