package io.apex.temporal.perf.gaps;

import java.time.Instant;

/**
 * What the load generator saw of one workflow, on the wall clock: when it began the start call,
 * when the call returned, and when the result arrived.
 */
public record ClientTiming(
    String workflowId, Instant startCalled, Instant startReturned, Instant resultArrived) {}
