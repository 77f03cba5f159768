package io.apex.temporal.config;

import java.util.Base64;

/**
 * A payload encryption key and the ID that names it in every payload it encrypts. The key's bytes
 * are a {@link Secret}: {@code toString} shows the ID only.
 */
public record PayloadKey(String id, Secret base64) {
  /** AES-256: every key is exactly this many bytes. */
  public static final int KEY_BYTES = 32;

  /** The key's 32 bytes; validated when the setting was read. */
  public byte[] bytes() {
    return Base64.getDecoder().decode(base64.reveal());
  }

  @Override
  public String toString() {
    return "PayloadKey[" + id + "]";
  }
}
