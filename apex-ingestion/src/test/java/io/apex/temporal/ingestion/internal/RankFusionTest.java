package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hybrid score: cosine plus the weight times the share of the query's best BM25 score. */
class RankFusionTest {
  private static RankedChunk hit(int doc, double score) {
    return new RankedChunk(doc, score);
  }

  @Test
  void theKeywordShareAddsAtMostTheWeightToTheCosine() {
    var fused =
        RankFusion.fuse(
            List.of(hit(1, 0.60), hit(2, 0.58)), List.of(hit(2, 8.0), hit(1, 2.0)), 100);
    // 2: 0.58 + 0.15 * 1; 1: 0.60 + 0.15 * 0.25.
    assertThat(fused).extracting(RankedChunk::doc).containsExactly(2, 1);
    assertThat(fused.get(0).score()).isCloseTo(0.58 + RankFusion.KEYWORD_WEIGHT, within(1e-9));
    assertThat(fused.get(1).score())
        .isCloseTo(0.60 + RankFusion.KEYWORD_WEIGHT * 0.25, within(1e-9));
  }

  @Test
  void aCosineLeadLargerThanTheWeightBeatsTheBestKeywordMatch() {
    var fused = RankFusion.fuse(List.of(hit(4, 0.63), hit(5, 0.42)), List.of(hit(5, 5.0)), 100);
    assertThat(fused).extracting(RankedChunk::doc).containsExactly(4, 5);
  }

  @Test
  void aChunkMissingFromAFullSemanticRankingCountsWithItsLastCosine() {
    var fused = RankFusion.fuse(List.of(hit(1, 0.5), hit(2, 0.3)), List.of(hit(3, 4.0)), 2);
    assertThat(fused).extracting(RankedChunk::doc).containsExactly(1, 3, 2);
    assertThat(fused.get(1).score()).isCloseTo(0.3 + RankFusion.KEYWORD_WEIGHT, within(1e-9));
  }
}
