package io.apex.temporal.perf.scenario;

/** The heap in use right after a full collection, once {@code workflows} had completed. */
public record HeapSample(long workflows, long heapUsedBytes, double atSeconds) {}
