package io.apex.temporal.perf.gaps;

import java.util.List;

/**
 * The "where the time goes" table: each stretch of a sampled sequential workflow, from the client's
 * start call through each gap between two history events to the result's arrival, in the order they
 * happen. {@code failures} holds why a sample could not be read, if any.
 */
public record WhereTheTimeGoes(int sampled, List<GapSummary> gaps, List<String> failures) {}
