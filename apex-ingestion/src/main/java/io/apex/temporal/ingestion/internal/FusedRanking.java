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
    int each = Math.max(depth, RankFusion.DEPTH);
    List<RankedChunk> fused = RankFusion.fuse(semantic.scored(each), keyword.scored(each), each);
    return fused.subList(0, Math.min(depth, fused.size()));
  }

  /** Fused chunks of equal score come out in the order of their keys. */
  @Override
  public List<Neighbour> top(int depth) throws IOException {
    int each = Math.max(depth, RankFusion.DEPTH);
    List<RankedChunk> fused = RankFusion.fuse(semantic.scored(each), keyword.scored(each), each);
    return new ChunkKeys(searcher().getIndexReader()).best(fused, depth);
  }
}
