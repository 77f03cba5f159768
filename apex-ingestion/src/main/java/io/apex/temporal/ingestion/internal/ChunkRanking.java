package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** One ranking of the index's chunks for a query (semantic or keyword), to a given depth. */
interface ChunkRanking {
  /** How deep a by-document ranking may look for distinct documents before it settles. */
  int MAX_DEPTH = 20_000;

  /** The searcher this ranking reads. */
  IndexSearcher searcher();

  /** The best {@code depth} chunks, best first, by their document numbers in {@link #searcher}. */
  List<RankedChunk> scored(int depth) throws IOException;

  /** The best {@code depth} chunks, best first. */
  default List<Neighbour> top(int depth) throws IOException {
    return new ChunkKeys(searcher().getIndexReader()).neighbours(scored(depth));
  }

  /**
   * The best {@code n} documents, each once with its best chunk, best first: chunks are read ever
   * deeper (four times as many each round) until {@code n} distinct documents are found or the
   * ranking runs out.
   */
  default List<Neighbour> topDocuments(int n) throws IOException {
    int depth = Math.max(2 * n, 100);
    while (true) {
      List<Neighbour> chunks = top(depth);
      var best = new LinkedHashMap<String, Neighbour>();
      for (Neighbour chunk : chunks) {
        best.putIfAbsent(chunk.documentId(), chunk);
      }
      if (best.size() >= n || chunks.size() < depth || depth >= MAX_DEPTH) {
        var out = new ArrayList<>(best.values());
        return out.subList(0, Math.min(n, out.size()));
      }
      depth = Math.min(MAX_DEPTH, depth * 4);
    }
  }

  /** The best {@code n} chunks, or documents when {@code byDocument}. */
  default List<Neighbour> top(int n, boolean byDocument) throws IOException {
    return byDocument ? topDocuments(n) : top(n);
  }

  /** The hits in their order, each score mapped by {@code score}. */
  static List<RankedChunk> ranked(TopDocs hits, DoubleUnaryOperator score) {
    var out = new ArrayList<RankedChunk>(hits.scoreDocs.length);
    for (ScoreDoc hit : hits.scoreDocs) {
      out.add(new RankedChunk(hit.doc, score.applyAsDouble(hit.score)));
    }
    return out;
  }
}
