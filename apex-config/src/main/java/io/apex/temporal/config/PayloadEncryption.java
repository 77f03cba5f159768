package io.apex.temporal.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How payloads are encrypted. {@code key} encrypts and decrypts; each of {@code decryptOnlyKeys}
 * only decrypts, so payloads written under an old key stay readable after a rotation. Without a
 * key, the worker uses the one in {@code keyFile}, generating it there on first use.
 */
public record PayloadEncryption(
    Optional<PayloadKey> key, List<PayloadKey> decryptOnlyKeys, Path keyFile, EncryptionRule rule) {

  public PayloadEncryption {
    decryptOnlyKeys = List.copyOf(decryptOnlyKeys);
  }
}
