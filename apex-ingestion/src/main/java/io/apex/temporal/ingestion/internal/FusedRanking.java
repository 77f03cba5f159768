package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;

/**
 * The hybrid ranking: the semantic and the keyword ranking, each read at least {@link
 * RankFusion#DEPTH} deep, fused chunk by chunk. By document, each document is shown by its best
 * fused chunk.
 */
record FusedRanking(SemanticRanking semantic, KeywordRanking keyword) implements ChunkRanking {
  @Override
  public IndexSearcher searcher() {
    return semantic.searcher();
  }

  @Override
  public List<RankedChunk> scored(int depth) throws IOException {
    List<RankedChunk> fused = fused(depth);
    return fused.subList(0, Math.min(depth, fused.size()));
  }

  /** Fused chunks of equal score come out in the order of their keys. */
  @Override
  public List<Neighbour> top(int depth) throws IOException {
    return new ChunkKeys(searcher().getIndexReader()).best(fused(depth), depth);
  }

  /** Every chunk of both rankings, each read at least {@link RankFusion#DEPTH} deep, fused. */
  private List<RankedChunk> fused(int depth) throws IOException {
    int each = Math.max(depth, RankFusion.DEPTH);
    return RankFusion.fuse(semantic.scored(each), keyword.scored(each), each);
  }
}
