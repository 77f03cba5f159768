package io.apex.temporal.workflows.ingestion;

/** What parsing found: the detected media type, the text's length and the chunks staged. */
public record ParsedDocument(String mediaType, long characters, int chunks) {}
