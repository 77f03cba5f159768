package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.DocumentSearch;
import io.apex.temporal.ingestion.SearchHit;
import io.apex.temporal.ingestion.SearchMode;
import io.apex.temporal.ingestion.SearchQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

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

  /**
   * Searches that may run the model and the index at once: one per core. Both are CPU and memory
   * bound; more at once only time-slice the same cores and evict each other's model weights and
   * graph from the caches. The store's query is made outside.
   */
  private final Semaphore computing =
      new Semaphore(Runtime.getRuntime().availableProcessors(), true);

  ChunkSearch(ChunkEmbedder embedder, LuceneChunkIndex index, Transactions tx) {
    this.embedder = embedder;
    this.index = index;
    this.tx = tx;
  }

  @Override
  public List<SearchHit> search(SearchQuery query) {
    Ranked first =
        computing(
            () -> {
              // Embedded before the index is read, so no index reader is held while the model
              // runs.
              float[] vector =
                  query.mode() == SearchMode.KEYWORD ? null : embedder.embedOne(query.text());
              var ranking = ranking(query, vector);
              return new Ranked(ranking, index.readAsIs(ranking));
            });
    // The store's latest change comes with the texts, in one query: this process's own writes are
    // in the index already, so only another process's write since sends the search round again,
    // after a catch-up that reaches at least the change the texts were read at.
    var read = first.read();
    var described = describe(read.value());
    if (described.latestChange() > read.seq()) {
      read =
          computing(
              () -> {
                index.catchUp();
                return index.readAsIs(first.ranking());
              });
      described = describe(read.value());
    }
    return hits(read.value(), described.chunks());
  }

  /** A query's ranking over the index, and what it found the first time. */
  private record Ranked(
      LuceneChunkIndex.Reading<List<Neighbour>> ranking,
      LuceneChunkIndex.Read<List<Neighbour>> read) {}

  private static LuceneChunkIndex.Reading<List<Neighbour>> ranking(
      SearchQuery query, float[] vector) {
    return (searcher, visible) -> {
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
    };
  }

  /** Runs {@code work} holding one of the {@link #computing} permits. */
  private <T> T computing(Supplier<T> work) {
    try {
      computing.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("search interrupted while waiting for a core", e);
    }
    try {
      return work.get();
    } finally {
      computing.release();
    }
  }

  private record Key(String documentId, int chunkIndex) {}

  private record Described(String source, String path, String text) {}

  /** The texts of the chunks still stored, and the store's latest change, as of one snapshot. */
  private record Description(long latestChange, Map<Key, Described> chunks) {}

  private Description describe(List<Neighbour> neighbours) {
    return tx.read(
        c -> {
          var out = new HashMap<Key, Described>();
          long latest;
          try (var st =
              c.prepareStatement(
                  "WITH latest AS (SELECT coalesce(max(seq), 0) AS seq FROM document_changes)"
                      + " SELECT latest.seq, h.document_id, h.chunk_index, h.source, h.path,"
                      + " h.text FROM latest LEFT JOIN ("
                      + "SELECT c.document_id, c.chunk_index, d.source, d.path, c.text"
                      + " FROM chunks c JOIN documents d USING (document_id)"
                      + " JOIN unnest(?::text[], ?::int[]) AS k(document_id, chunk_index)"
                      + " ON k.document_id = c.document_id"
                      + " AND k.chunk_index = c.chunk_index) h ON true")) {
            st.setArray(
                1,
                c.createArrayOf("text", neighbours.stream().map(Neighbour::documentId).toArray()));
            st.setArray(
                2,
                c.createArrayOf(
                    "integer", neighbours.stream().map(Neighbour::chunkIndex).toArray()));
            var rs = st.executeQuery();
            rs.next();
            latest = rs.getLong(1);
            do {
              if (rs.getString(2) != null) {
                out.put(
                    new Key(rs.getString(2), rs.getInt(3)),
                    new Described(rs.getString(4), rs.getString(5), rs.getString(6)));
              }
            } while (rs.next());
          }
          return new Description(latest, out);
        });
  }

  /** The ranked chunks with their paths and texts; a chunk replaced since is left out. */
  private static List<SearchHit> hits(List<Neighbour> neighbours, Map<Key, Described> found) {
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
