package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;

/** Chunks nearest to the query's embedding (HNSW), the filter applied inside the graph search. */
record SemanticRanking(IndexSearcher searcher, float[] query, Query filter)
    implements ChunkRanking {
  /** HNSW candidates gathered per query before the best k are kept: recall for little time. */
  static final int MIN_CANDIDATES = 100;

  @Override
  public List<Neighbour> top(int depth) throws IOException {
    return chunks(searcher, query, filter, depth);
  }

  /** The {@code k} nearest chunks among those {@code filter} (null: all) accepts, best first. */
  static List<Neighbour> chunks(IndexSearcher searcher, float[] query, Query filter, int k)
      throws IOException {
    int candidates = Math.max(MIN_CANDIDATES, k);
    var knn = new KnnFloatVectorQuery(LuceneChunkIndex.VECTOR, query, candidates, filter);
    // Lucene's cosine score is (1 + cos) / 2.
    return ChunkRanking.neighbours(searcher, searcher.search(knn, k), s -> 2.0 * s - 1.0);
  }
}
