package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.QueryBuilder;

/**
 * BM25 over the chunk text: the query's words after Lucene's English analysis (lower case, English
 * stop words dropped, Porter stems), any of them matching, the filter applied inside the search.
 */
record KeywordRanking(IndexSearcher searcher, String text, Query filter) implements ChunkRanking {
  /** The one analyzer of the text field, at indexing and at query time (thread-safe). */
  static final Analyzer ANALYZER = new EnglishAnalyzer();

  /** Lucene's BM25 defaults (k1 1.2, b 0.75): on CISI they beat k1 0.9, b 0.4 (performance.md). */
  static final Similarity SIMILARITY = new BM25Similarity();

  /** A searcher of {@code reader} that scores the text field by {@link #SIMILARITY}. */
  static IndexSearcher searcher(IndexReader reader) {
    var searcher = new IndexSearcher(reader);
    searcher.setSimilarity(SIMILARITY);
    return searcher;
  }

  private Query words() {
    return new QueryBuilder(ANALYZER).createBooleanQuery(LuceneChunkIndex.TEXT, text);
  }

  @Override
  public List<RankedChunk> scored(int depth) throws IOException {
    Query words = words();
    if (words == null) {
      // Only stop words or punctuation: nothing for BM25 to match.
      return List.of();
    }
    Query query =
        filter == null
            ? words
            : new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
    return ChunkRanking.ranked(searcher.search(query, depth), s -> s);
  }
}
