package io.apex.temporal.perf.gaps;

/** One stretch of a workflow's life, by name, and how long it took in microseconds. */
public record Gap(String name, long micros) {}
