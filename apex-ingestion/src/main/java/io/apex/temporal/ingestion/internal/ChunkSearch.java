package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.DocumentSearch;
import io.apex.temporal.ingestion.SearchHit;
import io.apex.temporal.ingestion.SearchMode;
import io.apex.temporal.ingestion.SearchQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Search over the indexed chunks in the query's mode: semantic (the embedding's nearest chunks),
 * keyword (BM25) or hybrid (both, fused by {@link RankFusion}); by chunk or by document; filtered
 * inside the index search. The hits' paths and texts come from the store, so a chunk replaced or
 * deleted since the index answered is left out.
 */
final class ChunkSearch implements DocumentSearch {
  private final ChunkEmbedder embedder;
  private final LuceneChunkIndex index;
  private final Transactions tx;

  ChunkSearch(ChunkEmbedder embedder, LuceneChunkIndex index, Transactions tx) {
    this.embedder = embedder;
    this.index = index;
    this.tx = tx;
  }

  @Override
  public List<SearchHit> search(SearchQuery query) {
    // Embedded before the index is read, so no index reader is held while the model runs.
    float[] vector = query.mode() == SearchMode.KEYWORD ? null : embedder.embedOne(query.text());
    List<Neighbour> ranked =
        index.read(
            (searcher, visible) -> {
              var filter = SearchFilter.of(query, visible);
              var semantic = new SemanticRanking(searcher, vector, filter);
              var keyword = new KeywordRanking(searcher, query.text(), filter);
              int n = query.topK();
              boolean byDocument = query.byDocument();
              return switch (query.mode()) {
                case SEMANTIC -> semantic.top(n, byDocument);
                case KEYWORD -> keyword.top(n, byDocument);
                case HYBRID -> new FusedRanking(semantic, keyword).top(n, byDocument);
              };
            });
    return describe(ranked);
  }

  private record Key(String documentId, int chunkIndex) {}

  private record Described(String source, String path, String text) {}

  /** Adds the path and text; a chunk replaced since the index answered is left out. */
  private List<SearchHit> describe(List<Neighbour> neighbours) {
    if (neighbours.isEmpty()) {
      return List.of();
    }
    Map<Key, Described> found =
        tx.read(
            c -> {
              var out = new HashMap<Key, Described>();
              try (var st =
                  c.prepareStatement(
                      "SELECT c.document_id, c.chunk_index, d.source, d.path, c.text"
                          + " FROM chunks c JOIN documents d USING (document_id)"
                          + " JOIN unnest(?::text[], ?::int[]) AS k(document_id, chunk_index)"
                          + " ON k.document_id = c.document_id"
                          + " AND k.chunk_index = c.chunk_index")) {
                st.setArray(
                    1,
                    c.createArrayOf(
                        "text", neighbours.stream().map(Neighbour::documentId).toArray()));
                st.setArray(
                    2,
                    c.createArrayOf(
                        "integer", neighbours.stream().map(Neighbour::chunkIndex).toArray()));
                var rs = st.executeQuery();
                while (rs.next()) {
                  out.put(
                      new Key(rs.getString(1), rs.getInt(2)),
                      new Described(rs.getString(3), rs.getString(4), rs.getString(5)));
                }
              }
              return out;
            });
    var hits = new ArrayList<SearchHit>();
    for (Neighbour n : neighbours) {
      var d = found.get(new Key(n.documentId(), n.chunkIndex()));
      if (d != null) {
        hits.add(
            new SearchHit(
                n.documentId(), d.source(), d.path(), n.chunkIndex(), n.score(), d.text()));
      }
    }
    return hits;
  }
}
