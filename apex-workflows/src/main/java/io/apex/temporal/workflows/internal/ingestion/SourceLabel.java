package io.apex.temporal.workflows.internal.ingestion;

/**
 * A document's source as a metric label, the same on the workflow's and the activities' meters:
 * blank is {@code unknown}, and a long one is cut, since a source is an operator's name for a feed,
 * not free text.
 */
public final class SourceLabel {
  /** The label when the request itself was malformed and names no source. */
  public static final String UNKNOWN = "unknown";

  private static final int MAX_LENGTH = 64;

  private SourceLabel() {}

  public static String of(String source) {
    if (source == null || source.isBlank()) {
      return UNKNOWN;
    }
    return source.length() <= MAX_LENGTH ? source : source.substring(0, MAX_LENGTH);
  }
}
