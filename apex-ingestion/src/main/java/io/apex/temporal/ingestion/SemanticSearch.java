package io.apex.temporal.ingestion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Embeds the query with the ingestion model and returns the nearest stored chunks. */
final class SemanticSearch implements DocumentSearch {
  static final int MAX_TOP_K = 1000;

  private final ChunkEmbedder embedder;
  private final LuceneVectorIndex index;
  private final Transactions tx;

  SemanticSearch(ChunkEmbedder embedder, LuceneVectorIndex index, Transactions tx) {
    this.embedder = embedder;
    this.index = index;
    this.tx = tx;
  }

  @Override
  public List<SearchHit> search(String query, int topK) {
    if (query == null || WhiteSpace.blank(query)) {
      throw new IllegalArgumentException("the search query is empty");
    }
    if (topK < 1 || topK > MAX_TOP_K) {
      throw new IllegalArgumentException("topK must be 1-" + MAX_TOP_K + ", got " + topK);
    }
    var neighbours = index.nearest(embedder.embedOne(query), topK);
    return describe(neighbours);
  }

  private record Key(String documentId, int chunkIndex) {}

  private record Described(String path, String text) {}

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
                      "SELECT c.document_id, c.chunk_index, d.path, c.text FROM chunks c"
                          + " JOIN documents d USING (document_id)"
                          + " JOIN unnest(?::text[], ?::int[]) AS k(document_id, chunk_index)"
                          + " ON k.document_id = c.document_id AND k.chunk_index = c.chunk_index")) {
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
                      new Described(rs.getString(3), rs.getString(4)));
                }
              }
              return out;
            });
    var hits = new ArrayList<SearchHit>();
    for (Neighbour n : neighbours) {
      var d = found.get(new Key(n.documentId(), n.chunkIndex()));
      if (d != null) {
        hits.add(new SearchHit(n.documentId(), d.path(), n.chunkIndex(), n.score(), d.text()));
      }
    }
    return hits;
  }
}
