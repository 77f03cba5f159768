package io.apex.temporal.ingestion;

import java.util.List;

/** Search over the stored chunks: the best chunks (or documents) for a query, best first. */
public interface DocumentSearch {
  /** The query's best {@code topK} results, best first, filtered inside the index search. */
  List<SearchHit> search(SearchQuery query);
}
