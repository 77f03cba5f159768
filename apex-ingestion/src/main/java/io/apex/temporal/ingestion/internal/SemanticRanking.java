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
  public List<RankedChunk> scored(int depth) throws IOException {
    int candidates = Math.max(MIN_CANDIDATES, depth);
    var knn =
        new KnnFloatVectorQuery(
            LuceneChunkIndex.VECTOR, Vectors.normalized(query), candidates, filter);
    // Lucene's dot-product score of unit vectors is (1 + cos) / 2.
    return ChunkRanking.ranked(searcher.search(knn, depth), s -> 2.0 * s - 1.0);
  }
}
