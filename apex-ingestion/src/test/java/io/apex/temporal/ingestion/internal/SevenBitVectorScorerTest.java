package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.hnsw.FlatVectorsScorer;
import org.apache.lucene.codecs.lucene99.Lucene99ScalarQuantizedVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.quantization.RandomAccessQuantizedByteVectorValues;
import org.apache.lucene.util.quantization.ScalarQuantizer;
import org.junit.jupiter.api.Test;

/** The scorer scores 7-bit vectors itself, exactly as Lucene's does; other kinds it hands over. */
class SevenBitVectorScorerTest {
  private static final int DIMENSION = 384;
  private static final VectorSimilarityFunction DOT = VectorSimilarityFunction.DOT_PRODUCT;

  private final Random random = new Random(3);
  private final FlatVectorsScorer lucene =
      new Lucene99ScalarQuantizedVectorScorer(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());
  private final SevenBitVectorScorer ours = new SevenBitVectorScorer();

  /** Quantized vectors held in memory, as a segment's reader offers them. */
  private record Quantized(List<byte[]> vectors, float[] offsets, ScalarQuantizer quantizer)
      implements RandomAccessQuantizedByteVectorValues {
    @Override
    public ScalarQuantizer getScalarQuantizer() {
      return quantizer;
    }

    @Override
    public float getScoreCorrectionConstant(int ord) {
      return offsets[ord];
    }

    @Override
    public Quantized copy() {
      return this;
    }

    @Override
    public byte[] vectorValue(int ord) {
      return vectors.get(ord);
    }

    @Override
    public int size() {
      return vectors.size();
    }

    @Override
    public int dimension() {
      return DIMENSION;
    }
  }

  private float[] unitVector() {
    float[] vector = new float[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return Vectors.normalized(vector);
  }

  /** Unit vectors, every second one the opposite of the one before (scores clamped at zero). */
  private Quantized quantized(int count, int bits) {
    var quantizer = new ScalarQuantizer(-0.15f, 0.15f, (byte) bits);
    var vectors = new ArrayList<byte[]>();
    float[] offsets = new float[count];
    float[] vector = unitVector();
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        vector = unitVector();
      } else {
        for (int d = 0; d < DIMENSION; d++) {
          vector[d] = -vector[d];
        }
      }
      byte[] bytes = new byte[DIMENSION];
      offsets[i] = quantizer.quantize(vector, bytes, DOT);
      vectors.add(bytes);
    }
    return new Quantized(vectors, offsets, quantizer);
  }

  private static void assertSameScores(RandomVectorScorer actual, RandomVectorScorer expected)
      throws IOException {
    assertThat(actual.maxOrd()).isEqualTo(expected.maxOrd());
    for (int node = 0; node < expected.maxOrd(); node++) {
      assertThat(actual.score(node)).as("node %d", node).isEqualTo(expected.score(node));
    }
  }

  @Test
  void scoresAQueryAgainstSevenBitVectorsItselfWithLucenesScores() throws IOException {
    Quantized values = quantized(200, 7);
    for (int q = 0; q < 20; q++) {
      float[] query = unitVector();
      RandomVectorScorer scorer = ours.getRandomVectorScorer(DOT, values, query);
      assertThat(scorer.getClass().getEnclosingClass()).isEqualTo(SevenBitVectorScorer.class);
      assertSameScores(scorer, lucene.getRandomVectorScorer(DOT, values, query));
    }
  }

  @Test
  void scoresStoredVectorsAgainstEachOtherAsAGraphBuilderAsksWithLucenesScores()
      throws IOException {
    Quantized values = quantized(200, 7);
    var supplier = ours.getRandomVectorScorerSupplier(DOT, values);
    var lucenes = lucene.getRandomVectorScorerSupplier(DOT, values);
    assertThat(supplier.getClass().getEnclosingClass()).isEqualTo(SevenBitVectorScorer.class);
    int clamped = 0;
    for (int ord = 0; ord < 200; ord += 13) {
      assertSameScores(supplier.scorer(ord), lucenes.scorer(ord));
      assertSameScores(supplier.copy().scorer(ord), lucenes.scorer(ord));
      clamped += lucenes.scorer(ord).score(ord ^ 1) == 0 ? 1 : 0;
    }
    assertThat(clamped).as("opposite vectors whose score Lucene clamps at zero").isPositive();
  }

  @Test
  void handsOtherWidthsAndSimilaritiesToLucene() throws IOException {
    Quantized fourBits = quantized(50, 4);
    float[] query = unitVector();
    RandomVectorScorer scorer = ours.getRandomVectorScorer(DOT, fourBits, query);
    assertThat(scorer.getClass().getEnclosingClass()).isNotEqualTo(SevenBitVectorScorer.class);
    assertSameScores(scorer, lucene.getRandomVectorScorer(DOT, fourBits, query));

    Quantized sevenBits = quantized(50, 7);
    var euclidean = VectorSimilarityFunction.EUCLIDEAN;
    assertSameScores(
        ours.getRandomVectorScorer(euclidean, sevenBits, query),
        lucene.getRandomVectorScorer(euclidean, sevenBits, query));
  }
}
