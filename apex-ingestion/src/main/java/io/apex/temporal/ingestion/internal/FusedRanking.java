package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import java.util.List;

/**
 * The hybrid ranking: the semantic and the keyword ranking, each read at least {@link
 * RankFusion#DEPTH} deep, fused chunk by chunk. By document, each document is shown by its best
 * fused chunk.
 */
record FusedRanking(SemanticRanking semantic, KeywordRanking keyword) implements ChunkRanking {
  @Override
  public List<Neighbour> top(int depth) throws IOException {
    int each = Math.max(depth, RankFusion.DEPTH);
    return RankFusion.fuse(semantic.top(each), keyword.top(each), each, depth);
  }
}
