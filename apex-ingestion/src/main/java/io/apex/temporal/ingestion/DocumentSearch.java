package io.apex.temporal.ingestion;

import java.util.List;

/** Semantic search over the stored chunks: the nearest chunks to a query, best first. */
public interface DocumentSearch {
  /** The {@code topK} chunks nearest to {@code query}, best first. */
  List<SearchHit> search(String query, int topK);
}
