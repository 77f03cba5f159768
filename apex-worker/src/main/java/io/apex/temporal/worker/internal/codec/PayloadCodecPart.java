package io.apex.temporal.worker.internal.codec;

import io.apex.temporal.client.BadSettingException;
import io.apex.temporal.client.MissingKeyFile;
import io.apex.temporal.client.internal.codec.AesGcmPayloadCodec;
import io.apex.temporal.client.internal.codec.PayloadEncryptionFactory;
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
  public void start() throws BadSettingException {
    // The worker is the one that may generate the machine's key file; its clients only read it.
    codec = PayloadEncryptionFactory.codec(settings, MissingKeyFile.CREATE);
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
