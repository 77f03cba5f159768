package io.apex.temporal.config;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decides, per document, whether ingestion goes through Temporal or the legacy path. The bucket of
 * a document is SHA-256 of its UTF-8 ID, read as an unsigned integer, modulo 100; a document goes
 * to Temporal when its bucket is below the rollout percentage. The same ID always gets the same
 * answer, and raising the percentage only ever moves documents to Temporal.
 */
public final class RolloutRouter {
  private static final BigInteger BUCKETS = BigInteger.valueOf(100);

  /** The two paths a document can take. */
  public enum Route {
    TEMPORAL,
    LEGACY
  }

  private final Rollout rollout;

  public RolloutRouter(Rollout rollout) {
    this.rollout = rollout;
  }

  public Route route(String documentId) {
    if (!rollout.useTemporal()) {
      return Route.LEGACY;
    }
    if (rollout.percentage() >= 100) {
      return Route.TEMPORAL;
    }
    return bucket(documentId) < rollout.percentage() ? Route.TEMPORAL : Route.LEGACY;
  }

  /** The document's bucket, 0-99. */
  public static int bucket(String documentId) {
    byte[] digest = sha256().digest(documentId.getBytes(StandardCharsets.UTF_8));
    return new BigInteger(1, digest).mod(BUCKETS).intValue();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
