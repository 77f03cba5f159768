package io.apex.temporal.ingestion;

/** An entity with how often it is mentioned, and in how many documents. */
public record EntitySummary(long entityId, String kind, String name, int mentions, int documents) {}
