package io.apex.temporal.ingestion.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Embeddings as the store keeps them: little-endian float32, unit length. */
final class Vectors {
  private Vectors() {}

  static byte[] toBytes(float[] vector) {
    var buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] fromBytes(byte[] bytes) {
    var floats = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(floats);
    return floats;
  }

  static float[] normalized(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += v * v;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0) {
      return vector.clone();
    }
    var out = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      out[i] = (float) (vector[i] / norm);
    }
    return out;
  }

  /** The cosine similarity of two unit vectors. */
  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
