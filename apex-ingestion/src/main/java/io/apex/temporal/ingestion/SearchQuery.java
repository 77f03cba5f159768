package io.apex.temporal.ingestion;

import java.util.List;

/**
 * One search request: the query text, how many results, the ranking mode, whether results are whole
 * documents (each once, with its best chunk) rather than chunks, and the filters applied inside the
 * index search (empty lists: no filter).
 */
public record SearchQuery(
    String text,
    int topK,
    SearchMode mode,
    boolean byDocument,
    List<String> sources,
    List<String> documentIds) {
  /** The most results one search returns. */
  public static final int MAX_TOP_K = 1000;

  public SearchQuery {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text: the search query is empty, got '" + text + "'");
    }
    if (topK < 1 || topK > MAX_TOP_K) {
      throw new IllegalArgumentException("topK must be 1-" + MAX_TOP_K + ", got " + topK);
    }
    if (mode == null) {
      throw new IllegalArgumentException("mode must be one of hybrid, semantic, keyword, got null");
    }
    sources = sources == null ? List.of() : List.copyOf(sources);
    documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
  }

  /** A hybrid search for the {@code topK} best chunks, unfiltered. */
  public static SearchQuery of(String text, int topK) {
    return new SearchQuery(text, topK, SearchMode.HYBRID, false, List.of(), List.of());
  }

  /** This query in another mode. */
  public SearchQuery withMode(SearchMode other) {
    return new SearchQuery(text, topK, other, byDocument, sources, documentIds);
  }
}
