package io.apex.temporal.client.internal.codec;

import io.apex.temporal.config.PayloadKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES keys a codec holds: the active one, which encrypts, and any number of decrypt-only keys
 * from before a rotation, each found by the key ID that an encrypted payload carries.
 */
public final class PayloadKeyring {
  private final String activeId;
  private final Map<String, SecretKey> keys;

  private PayloadKeyring(String activeId, Map<String, SecretKey> keys) {
    this.activeId = activeId;
    this.keys = Map.copyOf(keys);
  }

  public static PayloadKeyring of(PayloadKey active, List<PayloadKey> decryptOnly) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    keys.put(active.id(), new SecretKeySpec(active.bytes(), "AES"));
    for (PayloadKey old : decryptOnly) {
      keys.putIfAbsent(old.id(), new SecretKeySpec(old.bytes(), "AES"));
    }
    return new PayloadKeyring(active.id(), keys);
  }

  public String activeId() {
    return activeId;
  }

  SecretKey active() {
    return keys.get(activeId);
  }

  Optional<SecretKey> forId(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  /** The IDs this keyring can decrypt, for error messages; never the keys. */
  public Set<String> ids() {
    return new java.util.TreeSet<>(keys.keySet());
  }

  @Override
  public String toString() {
    return "PayloadKeyring[active " + activeId + ", ids " + ids() + "]";
  }
}
