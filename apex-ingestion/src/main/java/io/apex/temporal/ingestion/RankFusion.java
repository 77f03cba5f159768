package io.apex.temporal.ingestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): an item's fused score is the sum
 * over the rankings of 1 / (K + its rank there). Ranks, not scores, are fused because BM25 scores
 * and cosine similarities live on scales that do not compare.
 */
final class RankFusion {
  /**
   * The rank constant. The paper's 60 flattens the head of each ranking; on CISI (see
   * docs/performance.md, retrieval benchmark) a smaller K, which trusts each ranking's top hits
   * more, scored higher nDCG@10, because both rankings put their best evidence in the first few
   * places.
   */
  static final int K = 10;

  /** How deep each ranking is read before fusing (at least the results asked for). */
  static final int DEPTH = 100;

  private RankFusion() {}

  /**
   * The best {@code n} items of the fused rankings, best first; {@code key} says when two hits are
   * the same item (a chunk, or a document), and an item is shown by its hit in the ranking that
   * placed it highest.
   */
  static List<Neighbour> fuse(
      List<List<Neighbour>> rankings, int n, Function<Neighbour, String> key) {
    Map<String, Double> scores = new HashMap<>();
    Map<String, Integer> bestRank = new HashMap<>();
    Map<String, Neighbour> shown = new HashMap<>();
    for (List<Neighbour> ranking : rankings) {
      for (int i = 0; i < ranking.size(); i++) {
        Neighbour hit = ranking.get(i);
        String item = key.apply(hit);
        int rank = i + 1;
        scores.merge(item, 1.0 / (K + rank), Double::sum);
        if (rank < bestRank.getOrDefault(item, Integer.MAX_VALUE)) {
          bestRank.put(item, rank);
          shown.put(item, hit);
        }
      }
    }
    var items = new ArrayList<>(scores.keySet());
    items.sort(
        Comparator.<String>comparingDouble(scores::get)
            .reversed()
            .thenComparing(bestRank::get)
            .thenComparing(Comparator.naturalOrder()));
    var fused = new ArrayList<Neighbour>();
    for (String item : items.subList(0, Math.min(n, items.size()))) {
      Neighbour hit = shown.get(item);
      fused.add(new Neighbour(hit.documentId(), hit.chunkIndex(), scores.get(item)));
    }
    return fused;
  }

  /** A chunk is the same item in both rankings. */
  static String chunkKey(Neighbour hit) {
    return hit.documentId() + "#" + hit.chunkIndex();
  }
}
