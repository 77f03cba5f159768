package io.apex.temporal.ingestion.internal;

import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.VectorUtil;

/**
 * The dot product of one vector quantized to 7 bits (values 0 to 127) with others, four pairs of
 * values per 64-bit multiply. Written here because Lucene vectorizes its own only on Java 21 and
 * later; on Java 17 its scalar loop was a third of an API search's Java time (docs/performance.md).
 *
 * <p>How: eight stored bytes read as one long are split into their even and their odd bytes, four
 * 16-bit lanes each. This vector's matching values sit in lanes in reverse order, so in the 64-bit
 * product the top lane holds the sum of the four lane-wise products and the lanes below it hold
 * partial sums; none overflows while every value is below 128 (4 × 127² < 2¹⁶). A stored vector
 * with a value outside 0 to 127 is computed by Lucene's loop instead, so the result is always
 * exact.
 */
final class SevenBitDotProduct {
  private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final byte[] vector;

  /** Per 8 bytes of {@link #vector}: its even bytes' lanes reversed, then its odd bytes'. */
  private final long[] reversedLanes;

  private final boolean packable;

  private SevenBitDotProduct(byte[] vector, long[] reversedLanes, boolean packable) {
    this.vector = vector;
    this.reversedLanes = reversedLanes;
    this.packable = packable;
  }

  /** Prepares {@code vector} (copied) for products with others of its length. */
  static SevenBitDotProduct of(byte[] vector) {
    byte[] copy = vector.clone();
    int packed = copy.length / Long.BYTES * Long.BYTES;
    long[] lanes = new long[packed / 4];
    boolean packable = true;
    for (int i = 0; i < copy.length; i++) {
      packable &= copy[i] >= 0;
    }
    for (int i = 0; i < packed; i += Long.BYTES) {
      long even = 0;
      long odd = 0;
      for (int k = 0; k < 4; k++) {
        int shift = 16 * (3 - k);
        even |= (long) (copy[i + 2 * k] & 0xFF) << shift;
        odd |= (long) (copy[i + 2 * k + 1] & 0xFF) << shift;
      }
      lanes[i / 4] = even;
      lanes[i / 4 + 1] = odd;
    }
    return new SevenBitDotProduct(copy, lanes, packable);
  }

  /** The dot product of this vector with {@code stored}, of the same length; exact. */
  int with(byte[] stored) {
    if (!packable) {
      return VectorUtil.dotProduct(stored, vector);
    }
    long sum = 0;
    long seen = 0;
    int packed = reversedLanes.length * 4;
    for (int i = 0, j = 0; i < packed; i += Long.BYTES, j += 2) {
      long eight = (long) BitUtil.VH_LE_LONG.get(stored, i);
      seen |= eight;
      sum +=
          (((eight & EVEN_BYTES) * reversedLanes[j]) >>> 48)
              + ((((eight >>> 8) & EVEN_BYTES) * reversedLanes[j + 1]) >>> 48);
    }
    if ((seen & HIGH_BITS) != 0) {
      return VectorUtil.dotProduct(stored, vector);
    }
    for (int i = packed; i < vector.length; i++) {
      sum += stored[i] * vector[i];
    }
    return (int) sum;
  }
}
