package io.apex.temporal.worker.polling;

import java.time.Duration;

/** How a stop went: whether every in-flight task finished within the drain timeout. */
public record DrainOutcome(boolean clean, Duration took, int interruptedActivities) {}
