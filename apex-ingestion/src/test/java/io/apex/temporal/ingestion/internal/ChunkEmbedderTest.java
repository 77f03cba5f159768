package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The model loads from its Maven package alone (no network here) and embeds meaningfully. */
class ChunkEmbedderTest {
  @Test
  void embeddingsAreUnitVectorsThatPutSimilarSentencesClose() {
    try (var embedder = new ChunkEmbedder(2)) {
      var v =
          embedder.embed(
              List.of(
                  "A cat is sleeping on the mat.",
                  "A kitten naps on a rug.",
                  "The central bank raised interest rates again."));
      assertThat(v).hasSize(3).allSatisfy(x -> assertThat(x).hasSize(ChunkEmbedder.DIMENSIONS));
      for (float[] x : v) {
        assertThat(Vectors.dot(x, x)).isCloseTo(1.0, within(1e-4));
      }
      assertThat(Vectors.dot(v.get(0), v.get(1)))
          .isGreaterThan(Vectors.dot(v.get(0), v.get(2)) + 0.2);
      assertThat(embedder.embedOne("A cat is sleeping on the mat.")).containsExactly(v.get(0));
    }
  }
}
