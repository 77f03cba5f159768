package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.SearchQuery;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene filter of a search: its sources and document IDs (each list, when given, any of its
 * values), and what the index says is visible. Applied inside the index search, so the top K are
 * the top K of the matching chunks.
 */
final class SearchFilter {
  private SearchFilter() {}

  /** The filter, or null when every chunk is accepted. */
  static Query of(SearchQuery query, Query visible) {
    var filter = new BooleanQuery.Builder();
    int clauses = 0;
    if (visible != null) {
      filter.add(visible, BooleanClause.Occur.FILTER);
      clauses++;
    }
    if (!query.sources().isEmpty()) {
      filter.add(anyOf(LuceneChunkIndex.SOURCE, query.sources()), BooleanClause.Occur.FILTER);
      clauses++;
    }
    if (!query.documentIds().isEmpty()) {
      filter.add(anyOf(LuceneChunkIndex.DOCUMENT, query.documentIds()), BooleanClause.Occur.FILTER);
      clauses++;
    }
    return clauses == 0 ? null : filter.build();
  }

  private static Query anyOf(String field, List<String> values) {
    return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
  }
}
