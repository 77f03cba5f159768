package io.apex.temporal.workflows.internal.ingestion;

/**
 * A document's source as a metric label, the same on the workflow's and the activities' meters:
 * blank is {@code unknown}; every character outside ASCII letters, digits and {@code . _ - : / @}
 * becomes {@code _} and the label is cut at 64 characters, since a source is an operator's name for
 * a feed, not free text (a client could otherwise send newlines or any text as a label).
 */
public final class SourceLabel {
  /** The label when the request itself was malformed and names no source. */
  public static final String UNKNOWN = "unknown";

  static final int MAX_LENGTH = 64;

  private SourceLabel() {}

  public static String of(String source) {
    if (source == null || source.isBlank()) {
      return UNKNOWN;
    }
    int length = Math.min(source.length(), MAX_LENGTH);
    var label = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c = source.charAt(i);
      label.append(safe(c) ? c : '_');
    }
    return label.toString();
  }

  private static boolean safe(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-'
        || c == ':'
        || c == '/'
        || c == '@';
  }
}
