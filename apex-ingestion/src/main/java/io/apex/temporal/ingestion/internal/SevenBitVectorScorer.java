package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.hnsw.FlatVectorsScorer;
import org.apache.lucene.codecs.hnsw.ScalarQuantizedVectorScorer;
import org.apache.lucene.codecs.lucene99.Lucene99ScalarQuantizedVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.apache.lucene.util.quantization.RandomAccessQuantizedByteVectorValues;

/**
 * Scores vectors quantized to 7 bits by dot product as Lucene 9.12's own scorer does (the same
 * integer product, the same corrections, the same float arithmetic, so the same scores), with
 * {@link SevenBitDotProduct} in place of Lucene's loop. Anything else (float vectors while a
 * segment is written, other widths or similarities) goes to Lucene's scorer.
 */
final class SevenBitVectorScorer implements FlatVectorsScorer {
  private final FlatVectorsScorer lucene =
      new Lucene99ScalarQuantizedVectorScorer(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());

  @Override
  public RandomVectorScorerSupplier getRandomVectorScorerSupplier(
      VectorSimilarityFunction similarity, RandomAccessVectorValues values) throws IOException {
    if (sevenBitDotProduct(similarity, values)) {
      return new Supplier((RandomAccessQuantizedByteVectorValues) values);
    }
    return lucene.getRandomVectorScorerSupplier(similarity, values);
  }

  @Override
  public RandomVectorScorer getRandomVectorScorer(
      VectorSimilarityFunction similarity, RandomAccessVectorValues values, float[] target)
      throws IOException {
    if (sevenBitDotProduct(similarity, values)) {
      var quantized = (RandomAccessQuantizedByteVectorValues) values;
      byte[] query = new byte[target.length];
      float queryOffset =
          ScalarQuantizedVectorScorer.quantizeQuery(
              target, query, similarity, quantized.getScalarQuantizer());
      return new Scorer(quantized, SevenBitDotProduct.of(query), queryOffset);
    }
    return lucene.getRandomVectorScorer(similarity, values, target);
  }

  @Override
  public RandomVectorScorer getRandomVectorScorer(
      VectorSimilarityFunction similarity, RandomAccessVectorValues values, byte[] target)
      throws IOException {
    return lucene.getRandomVectorScorer(similarity, values, target);
  }

  private static boolean sevenBitDotProduct(
      VectorSimilarityFunction similarity, RandomAccessVectorValues values) {
    return similarity == VectorSimilarityFunction.DOT_PRODUCT
        && values instanceof RandomAccessQuantizedByteVectorValues quantized
        && quantized.getScalarQuantizer().getBits() == 7
        && quantized.getVectorByteLength() == quantized.dimension();
  }

  @Override
  public String toString() {
    return "SevenBitVectorScorer(otherwise " + lucene + ")";
  }

  /** One vector against the stored ones: the query's, or a stored one's while a graph is built. */
  private static final class Scorer extends RandomVectorScorer.AbstractRandomVectorScorer {
    private final RandomAccessQuantizedByteVectorValues values;
    private final SevenBitDotProduct product;
    private final float offset;
    private final float multiplier;

    Scorer(RandomAccessQuantizedByteVectorValues values, SevenBitDotProduct product, float offset) {
      super(values);
      this.values = values;
      this.product = product;
      this.offset = offset;
      this.multiplier = values.getScalarQuantizer().getConstantMultiplier();
    }

    @Override
    public float score(int node) throws IOException {
      byte[] stored = values.vectorValue(node);
      float adjusted =
          product.with(stored) * multiplier + offset + values.getScoreCorrectionConstant(node);
      return Math.max((1 + adjusted) / 2, 0);
    }
  }

  private record Supplier(RandomAccessQuantizedByteVectorValues values)
      implements RandomVectorScorerSupplier {
    @Override
    public RandomVectorScorer scorer(int ord) throws IOException {
      SevenBitDotProduct product = SevenBitDotProduct.of(values.vectorValue(ord));
      return new Scorer(values.copy(), product, values.getScoreCorrectionConstant(ord));
    }

    @Override
    public RandomVectorScorerSupplier copy() throws IOException {
      return new Supplier(values.copy());
    }
  }
}
