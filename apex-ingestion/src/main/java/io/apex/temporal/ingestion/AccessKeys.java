package io.apex.temporal.ingestion;

import java.util.List;
import java.util.Optional;

/**
 * The memory service's API keys, kept as SHA-256 hashes: a key is {@code apex_<id>_<secret>} with
 * 256 random bits of secret, shown once when created. Whether any key is active decides whether the
 * API answers only loopback clients.
 */
public interface AccessKeys {
  /** A key created now: the only time {@code secret} is known. */
  record CreatedKey(AccessKey key, String secret) {}

  /** Creates a key; a name that an active key has already is refused. */
  CreatedKey create(String name, String scope);

  /** Revokes the active key of this name or ID; false when there is none. */
  boolean revoke(String nameOrId);

  /** Every key, revoked ones too, oldest first. */
  List<AccessKey> list();

  /** True when at least one key is active. */
  boolean anyActive();

  /** The active key whose secret this is. */
  Optional<AccessKey> verify(String secret);
}
