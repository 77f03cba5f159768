package io.apex.temporal.worker.internal.codec;

import io.apex.temporal.config.PayloadEncryption;
import io.apex.temporal.config.PayloadKey;
import io.apex.temporal.worker.runtime.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's payload codec as a part of its lifecycle: the key is read (or generated) at start,
 * before the connection and the codec endpoint need it, and a bad key file stops start-up.
 */
public final class PayloadCodecPart implements Managed {
  private static final Logger log = LoggerFactory.getLogger(PayloadCodecPart.class);

  private final PayloadEncryption settings;
  private volatile AesGcmPayloadCodec codec;

  public PayloadCodecPart(PayloadEncryption settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "payload encryption";
  }

  @Override
  public void start() {
    try {
      codec = PayloadEncryptionFactory.codec(settings);
    } catch (java.io.UncheckedIOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    log.info(
        "payload encryption: AES-256-GCM under key {}{}, for workflows {}",
        codec.keyId(),
        settings.decryptOnlyKeys().isEmpty()
            ? ""
            : ", decrypting also "
                + settings.decryptOnlyKeys().stream().map(PayloadKey::id).toList(),
        settings.rule());
  }

  /** The codec; only after {@link #start}. */
  public AesGcmPayloadCodec codec() {
    if (codec == null) {
      throw new IllegalStateException("the payload key is not loaded yet");
    }
    return codec;
  }

  @Override
  public void stop() {}
}
