package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;

/**
 * The document ID and chunk index of ranked index entries, read from their doc values: a lookup
 * costs a few array reads, where a stored document costs a block decompressed (a third of a hybrid
 * query's time when every candidate was looked up).
 */
final class ChunkKeys {
  private static final Comparator<Neighbour> BY_SCORE_THEN_KEY =
      Comparator.comparingDouble(Neighbour::score)
          .reversed()
          .thenComparing(ChunkKeys::key, Comparator.naturalOrder());

  private final IndexReader reader;

  ChunkKeys(IndexReader reader) {
    this.reader = reader;
  }

  /** The ranked chunks (each entry once) with their keys, in the same order. */
  List<Neighbour> neighbours(List<RankedChunk> ranked) throws IOException {
    int n = ranked.size();
    var out = new Neighbour[n];
    // Doc values are read forward, leaf by leaf: look the chunks up in document order.
    int[] byDoc =
        IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.comparingInt(i -> ranked.get(i).doc()))
            .mapToInt(Integer::intValue)
            .toArray();
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    SortedDocValues documents = null;
    NumericDocValues chunks = null;
    for (int i : byDoc) {
      RankedChunk chunk = ranked.get(i);
      if (leaf == null || chunk.doc() >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(chunk.doc(), leaves));
        documents = DocValues.getSorted(leaf.reader(), LuceneChunkIndex.DOCUMENT);
        chunks = DocValues.getNumeric(leaf.reader(), LuceneChunkIndex.CHUNK);
      }
      int local = chunk.doc() - leaf.docBase;
      if (!documents.advanceExact(local) || !chunks.advanceExact(local)) {
        throw new IllegalStateException("index entry " + chunk.doc() + " has no chunk key");
      }
      out[i] =
          new Neighbour(
              documents.lookupOrd(documents.ordValue()).utf8ToString(),
              (int) chunks.longValue(),
              chunk.score());
    }
    return List.of(out);
  }

  /**
   * The first {@code n} of chunks ranked by score (best first), chunks of equal score ordered by
   * their key, so that ties come out the same whatever order the index holds them in.
   */
  List<Neighbour> best(List<RankedChunk> ranked, int n) throws IOException {
    int end = Math.min(n, ranked.size());
    while (end > 0
        && end < ranked.size()
        && ranked.get(end).score() == ranked.get(end - 1).score()) {
      end++;
    }
    var candidates = new ArrayList<>(neighbours(ranked.subList(0, end)));
    candidates.sort(BY_SCORE_THEN_KEY);
    return List.copyOf(candidates.subList(0, Math.min(n, candidates.size())));
  }

  private static String key(Neighbour chunk) {
    return chunk.documentId() + "#" + chunk.chunkIndex();
  }
}
