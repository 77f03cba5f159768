package io.apex.temporal.perf.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each metric on rankings small enough to compute by hand. */
class RankingMetricsTest {
  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  @Test
  void ndcgDiscountsARelevantDocumentByTheLogOfItsRank() {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3).
    double expected = 1.5 / (1 + 1 / LOG2_3);
    assertThat(RankingMetrics.ndcg(List.of("a", "b", "c"), Set.of("a", "c"), 10))
        .isCloseTo(expected, within(1e-12));
    assertThat(expected).isCloseTo(0.9197, within(1e-4));
  }

  @Test
  void ndcgIsOneForThePerfectRankingAndZeroWithNothingRelevantInTheTopK() {
    assertThat(RankingMetrics.ndcg(List.of("a", "b", "x"), Set.of("a", "b"), 10)).isEqualTo(1.0);
    assertThat(RankingMetrics.ndcg(List.of("x", "y", "a"), Set.of("a"), 2)).isZero();
  }

  @Test
  void ndcgIdealRankingIsCutAtKWhenMoreDocumentsAreRelevant() {
    // Two of three relevant found at ranks 1 and 2 with k = 2: as good as possible.
    assertThat(RankingMetrics.ndcg(List.of("a", "b"), Set.of("a", "b", "c"), 2)).isEqualTo(1.0);
    // One relevant at rank 2: (1/log2(3)) / 1.
    assertThat(RankingMetrics.ndcg(List.of("x", "a"), Set.of("a"), 10))
        .isCloseTo(1 / LOG2_3, within(1e-12));
  }

  @Test
  void recallCountsTheRelevantDocumentsFoundWithinK() {
    var ranked = List.of("a", "x", "b", "y");
    assertThat(RankingMetrics.recall(ranked, Set.of("a", "b", "c", "d"), 100)).isEqualTo(0.5);
    assertThat(RankingMetrics.recall(ranked, Set.of("a", "b", "c", "d"), 2)).isEqualTo(0.25);
    assertThat(RankingMetrics.recall(ranked, Set.of("z"), 100)).isZero();
  }

  @Test
  void reciprocalRankIsOneOverTheFirstRelevantRankWithinK() {
    assertThat(RankingMetrics.reciprocalRank(List.of("x", "y", "a", "b"), Set.of("a", "b"), 10))
        .isCloseTo(1.0 / 3, within(1e-12));
    assertThat(RankingMetrics.reciprocalRank(List.of("a"), Set.of("a"), 10)).isEqualTo(1.0);
    assertThat(RankingMetrics.reciprocalRank(List.of("x", "y", "a"), Set.of("a"), 2)).isZero();
  }
}
