package io.apex.temporal.worker.internal.codec;

import io.apex.temporal.config.PayloadEncryption;
import io.apex.temporal.config.PayloadKey;
import io.apex.temporal.workflows.internal.input.StrictInputDataConverter;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the payload codec from the settings, and the data converter that every workflow client of
 * the worker and the command line uses, so that both sides of a workflow agree.
 */
public final class PayloadEncryptionFactory {
  private static final Logger log = LoggerFactory.getLogger(PayloadEncryptionFactory.class);

  private PayloadEncryptionFactory() {}

  /** The codec of these settings; reads or generates the key file when no key is set. */
  public static AesGcmPayloadCodec codec(PayloadEncryption settings) {
    PayloadKey active;
    String from;
    if (settings.key().isPresent()) {
      active = settings.key().get();
      from = "APEX_PAYLOAD_KEY";
    } else {
      try {
        active = new PayloadKeyFile(settings.keyFile()).loadOrCreate();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "APEX_PAYLOAD_KEY is unset and the payload key file "
                + settings.keyFile()
                + " cannot be used: "
                + e.getMessage(),
            e);
      }
      from = settings.keyFile().toString();
    }
    PayloadKeyring keys = PayloadKeyring.of(active, settings.decryptOnlyKeys());
    log.debug(
        "payload encryption: key {} from {}, decrypt-only {}, encrypted workflows {}",
        active.id(),
        from,
        settings.decryptOnlyKeys().stream().map(PayloadKey::id).toList(),
        settings.rule());
    return new AesGcmPayloadCodec(keys, settings.rule());
  }

  /** {@code base} (the SDK's JSON converter, or a stricter one) with the codec after it. */
  public static DataConverter dataConverter(DataConverter base, AesGcmPayloadCodec codec) {
    return new CodecDataConverter(base, List.of(codec));
  }

  /** What the worker and its clients speak: the strict input converter, then the codec. */
  public static DataConverter strictDataConverter(AesGcmPayloadCodec codec) {
    return dataConverter(StrictInputDataConverter.standard(), codec);
  }
}
