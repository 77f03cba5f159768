package io.apex.temporal.ingestion;

import java.time.Instant;
import java.util.Optional;

/** An API key as the store keeps it: never the key itself, only its ID, name and scope. */
public record AccessKey(
    String keyId, String name, String scope, Instant createdAt, Optional<Instant> revokedAt) {

  public static final String READ = "read";
  public static final String WRITE = "write";

  /** A write key may also read. */
  public boolean allows(String neededScope) {
    return WRITE.equals(scope) || scope.equals(neededScope);
  }
}
