package io.apex.temporal.client.internal.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.apex.temporal.config.EncryptionRule;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import io.temporal.payload.context.HasWorkflowSerializationContext;
import io.temporal.payload.context.SerializationContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.annotation.Nonnull;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts each payload with AES-256-GCM: the whole original payload (metadata and data) is the
 * plaintext, a fresh 96-bit nonce leads the ciphertext, and the key ID rides in the new payload's
 * metadata (also bound to the ciphertext as associated data), so that keys can rotate.
 *
 * <p>Whether {@link #encode} encrypts depends on the workflow the SDK names in the serialization
 * context and the {@link EncryptionRule}; a payload with no workflow to judge by is encrypted.
 * {@link #decode} decrypts whatever is encrypted and passes every other payload through untouched.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {
  public static final String ENCODING = "binary/encrypted";
  public static final String METADATA_ENCODING = "encoding";
  public static final String METADATA_KEY_ID = "encryption-key-id";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);

  private final PayloadKeyring keys;
  private final EncryptionRule rule;
  private final SecureRandom random;
  private final boolean encrypting;

  public AesGcmPayloadCodec(PayloadKeyring keys, EncryptionRule rule) {
    this(keys, rule, new SecureRandom(), true);
  }

  private AesGcmPayloadCodec(
      PayloadKeyring keys, EncryptionRule rule, SecureRandom random, boolean encrypting) {
    this.keys = keys;
    this.rule = rule;
    this.random = random;
    this.encrypting = encrypting;
  }

  /** The same keys, encrypting only when the rule covers the context's workflow. */
  @Nonnull
  @Override
  public PayloadCodec withContext(@Nonnull SerializationContext context) {
    boolean encrypt =
        !(context instanceof HasWorkflowSerializationContext workflow)
            || workflow.getWorkflowId() == null
            || rule.encrypts(workflow.getWorkflowId());
    return new AesGcmPayloadCodec(keys, rule, random, encrypt);
  }

  /** The ID of the key that encrypts. */
  public String keyId() {
    return keys.activeId();
  }

  /**
   * True when {@link #encode} encrypts: the rule covers this codec's workflow, or none is known.
   */
  public boolean encrypting() {
    return encrypting;
  }

  @Nonnull
  @Override
  public List<Payload> encode(@Nonnull List<Payload> payloads) {
    if (!encrypting) {
      return payloads;
    }
    return payloads.stream().map(this::encrypt).toList();
  }

  @Nonnull
  @Override
  public List<Payload> decode(@Nonnull List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).toList();
  }

  public static boolean isEncrypted(Payload payload) {
    return ENCODING_BYTES.equals(payload.getMetadataOrDefault(METADATA_ENCODING, ByteString.EMPTY));
  }

  private Payload encrypt(Payload payload) {
    if (isEncrypted(payload)) {
      return payload;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    String keyId = keys.activeId();
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.active(), nonce, keyId);
      byte[] sealed = cipher.doFinal(payload.toByteArray());
      return Payload.newBuilder()
          .putMetadata(METADATA_ENCODING, ENCODING_BYTES)
          .putMetadata(METADATA_KEY_ID, ByteString.copyFromUtf8(keyId))
          .setData(ByteString.copyFrom(nonce).concat(ByteString.copyFrom(sealed)))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(
          "encrypting a payload under key ID '" + keyId + "' failed", e);
    }
  }

  private Payload decrypt(Payload payload) {
    if (!isEncrypted(payload)) {
      return payload;
    }
    String keyId = payload.getMetadataOrDefault(METADATA_KEY_ID, ByteString.EMPTY).toStringUtf8();
    if (keyId.isEmpty()) {
      throw new PayloadCodecException(
          "an encrypted payload has no "
              + METADATA_KEY_ID
              + " in its metadata: it cannot be"
              + " decrypted");
    }
    SecretKey key =
        keys.forId(keyId)
            .orElseThrow(
                () ->
                    new PayloadCodecException(
                        "a payload is encrypted under key ID '"
                            + keyId
                            + "', which this process does not have (it has "
                            + String.join(", ", keys.ids())
                            + "): give that key in APEX_PAYLOAD_KEY or APEX_PAYLOAD_DECRYPT_KEYS"));
    byte[] data = payload.getData().toByteArray();
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException(
          "a payload encrypted under key ID '"
              + keyId
              + "' is too short to be ciphertext ("
              + data.length
              + " bytes)");
    }
    byte[] plain;
    try {
      byte[] nonce = java.util.Arrays.copyOf(data, NONCE_BYTES);
      plain =
          cipher(Cipher.DECRYPT_MODE, key, nonce, keyId)
              .doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new PayloadCodecException(
          "a payload encrypted under key ID '"
              + keyId
              + "' failed authentication: it was altered,"
              + " or key ID '"
              + keyId
              + "' here is not the key it was encrypted with",
          e);
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(
          "decrypting a payload under key ID '" + keyId + "' failed", e);
    }
    try {
      return Payload.parseFrom(plain);
    } catch (InvalidProtocolBufferException e) {
      throw new PayloadCodecException(
          "a payload decrypted under key ID '" + keyId + "' does not hold a payload", e);
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
