package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hybrid score: cosine plus the weight times the share of the query's best BM25 score. */
class RankFusionTest {
  private static Neighbour hit(String document, double score) {
    return new Neighbour(document, 0, score);
  }

  @Test
  void theKeywordShareAddsAtMostTheWeightToTheCosine() {
    var fused =
        RankFusion.fuse(
            List.of(hit("a", 0.60), hit("b", 0.58)), List.of(hit("b", 8.0), hit("a", 2.0)), 100, 2);
    // b: 0.58 + 0.15 * 1; a: 0.60 + 0.15 * 0.25.
    assertThat(fused).extracting(Neighbour::documentId).containsExactly("b", "a");
    assertThat(fused.get(0).score()).isCloseTo(0.58 + RankFusion.KEYWORD_WEIGHT, within(1e-9));
    assertThat(fused.get(1).score())
        .isCloseTo(0.60 + RankFusion.KEYWORD_WEIGHT * 0.25, within(1e-9));
  }

  @Test
  void aCosineLeadLargerThanTheWeightBeatsTheBestKeywordMatch() {
    var fused =
        RankFusion.fuse(
            List.of(hit("target", 0.63), hit("words", 0.42)), List.of(hit("words", 5.0)), 100, 2);
    assertThat(fused).extracting(Neighbour::documentId).containsExactly("target", "words");
  }

  @Test
  void aChunkMissingFromAFullSemanticRankingCountsWithItsLastCosine() {
    var fused =
        RankFusion.fuse(List.of(hit("a", 0.5), hit("b", 0.3)), List.of(hit("c", 4.0)), 2, 3);
    assertThat(fused).extracting(Neighbour::documentId).containsExactly("a", "c", "b");
    assertThat(fused.get(1).score()).isCloseTo(0.3 + RankFusion.KEYWORD_WEIGHT, within(1e-9));
  }
}
