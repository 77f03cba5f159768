package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

/** The packed dot product gives exactly Lucene's, for every vector Lucene's quantizer can write. */
class SevenBitDotProductTest {
  private final Random random = new Random(7);

  private byte[] sevenBit(int length) {
    byte[] vector = new byte[length];
    for (int i = 0; i < length; i++) {
      vector[i] = (byte) random.nextInt(128);
    }
    return vector;
  }

  @Test
  void equalsLucenesProductForSevenBitVectorsOfTheModelsLength() {
    for (int round = 0; round < 2_000; round++) {
      byte[] query = sevenBit(384);
      byte[] stored = sevenBit(384);
      assertThat(SevenBitDotProduct.of(query).with(stored))
          .isEqualTo(VectorUtil.dotProduct(stored, query));
    }
  }

  @Test
  void holdsAtTheLargestValuesWhereEveryLaneIsFullest() {
    byte[] full = new byte[384];
    Arrays.fill(full, (byte) 127);
    assertThat(SevenBitDotProduct.of(full).with(full)).isEqualTo(384 * 127 * 127);
  }

  @Test
  void coversLengthsThatAreNotAMultipleOfEight() {
    for (int length = 1; length <= 41; length++) {
      byte[] query = sevenBit(length);
      byte[] stored = sevenBit(length);
      assertThat(SevenBitDotProduct.of(query).with(stored))
          .as("length %d", length)
          .isEqualTo(VectorUtil.dotProduct(stored, query));
    }
  }

  @Test
  void valuesOutsideSevenBitsOnEitherSideStillGiveLucenesProduct() {
    byte[] query = sevenBit(384);
    byte[] stored = sevenBit(384);
    stored[200] = (byte) -3;
    assertThat(SevenBitDotProduct.of(query).with(stored))
        .isEqualTo(VectorUtil.dotProduct(stored, query));
    byte[] negativeQuery = sevenBit(384);
    negativeQuery[5] = (byte) -128;
    assertThat(SevenBitDotProduct.of(negativeQuery).with(stored))
        .isEqualTo(VectorUtil.dotProduct(stored, negativeQuery));
  }

  @Test
  void theQueryIsCopiedSoALaterChangeToTheCallersArrayDoesNotMatter() {
    byte[] query = sevenBit(64);
    byte[] stored = sevenBit(64);
    int expected = VectorUtil.dotProduct(stored, query);
    SevenBitDotProduct product = SevenBitDotProduct.of(query);
    Arrays.fill(query, (byte) 0);
    assertThat(product.with(stored)).isEqualTo(expected);
  }
}
