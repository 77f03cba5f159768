package io.apex.temporal.ingestion;

import java.util.Locale;
import java.util.Optional;

/** How a search ranks chunks: both rankings fused (the default), vectors only, or words only. */
public enum SearchMode {
  /** The vector ranking and the keyword ranking fused (cosine plus a bounded keyword share). */
  HYBRID,
  /** Nearest chunks by embedding (cosine similarity). */
  SEMANTIC,
  /** BM25 over the chunk text with an English analyzer: exact words, codes and numbers. */
  KEYWORD;

  /** The name on the command line and in the API: {@code hybrid}, {@code semantic}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode with this wire name (case-insensitive), or empty when there is none. */
  public static Optional<SearchMode> fromWireName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (SearchMode mode : values()) {
      if (mode.wireName().equalsIgnoreCase(name.trim())) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
