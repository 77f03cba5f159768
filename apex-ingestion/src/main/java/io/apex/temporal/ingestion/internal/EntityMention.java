package io.apex.temporal.ingestion.internal;

/**
 * One mention of an entity in a chunk: its kind (for example {@code EMAIL}), the normalised value
 * that identifies the entity, the text as written and where it is in the chunk.
 */
record EntityMention(
    String kind, String normalized, String surface, int startOffset, int endOffset) {}
