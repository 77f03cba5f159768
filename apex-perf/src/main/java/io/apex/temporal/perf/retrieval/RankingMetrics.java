package io.apex.temporal.perf.retrieval;

import java.util.List;
import java.util.Set;

/**
 * Retrieval quality of one ranking against binary relevance judgments, as TREC and BEIR compute it:
 * nDCG@k (gain 1 per relevant document, discounted by log2 of rank + 1, over the best possible
 * ranking), recall@k, and the reciprocal rank of the first relevant document within k.
 */
final class RankingMetrics {
  private RankingMetrics() {}

  static double ndcg(List<String> ranked, Set<String> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) {
        dcg += 1 / log2(i + 2);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      ideal += 1 / log2(i + 2);
    }
    return dcg / ideal;
  }

  static double recall(List<String> ranked, Set<String> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    long found = ranked.stream().limit(k).distinct().filter(relevant::contains).count();
    return (double) found / relevant.size();
  }

  static double reciprocalRank(List<String> ranked, Set<String> relevant, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
