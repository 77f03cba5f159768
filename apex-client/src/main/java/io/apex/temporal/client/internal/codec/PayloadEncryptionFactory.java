package io.apex.temporal.client.internal.codec;

import io.apex.temporal.client.BadSettingException;
import io.apex.temporal.client.MissingKeyFile;
import io.apex.temporal.config.ConfigProblem;
import io.apex.temporal.config.PayloadEncryption;
import io.apex.temporal.config.PayloadKey;
import io.apex.temporal.config.Setting;
import io.apex.temporal.workflows.internal.input.StrictInputDataConverter;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.context.SerializationContext;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the payload codec from the settings, and the data converter that every workflow client of
 * the worker and the command line uses, so that both sides of a workflow agree.
 */
public final class PayloadEncryptionFactory {
  private static final Logger log = LoggerFactory.getLogger(PayloadEncryptionFactory.class);

  private PayloadEncryptionFactory() {}

  /**
   * The codec of these settings: the key set in APEX_PAYLOAD_KEY, else the one in the key file,
   * which is generated there first only when {@code missing} says so.
   *
   * @throws BadSettingException when the key file cannot be read, holds no key, or does not exist
   *     and may not be created
   */
  public static AesGcmPayloadCodec codec(PayloadEncryption settings, MissingKeyFile missing)
      throws BadSettingException {
    PayloadKey active;
    String from;
    if (settings.key().isPresent()) {
      active = settings.key().get();
      from = Setting.PAYLOAD_KEY.envVar();
    } else {
      Path file = settings.keyFile();
      if (missing == MissingKeyFile.FAIL && !Files.exists(file)) {
        throw new BadSettingException(
            new ConfigProblem(
                Setting.PAYLOAD_KEY.envVar(),
                "the workers' payload key (KEY_ID:BASE64) when "
                    + Setting.PAYLOAD_KEY_FILE.envVar()
                    + " names no existing file; a worker on this machine creates that file",
                ""),
            "no key file at " + file + "; a client does not create one",
            null);
      }
      try {
        PayloadKeyFile keyFile = new PayloadKeyFile(file);
        active = missing == MissingKeyFile.CREATE ? keyFile.loadOrCreate() : keyFile.load();
      } catch (IOException e) {
        throw new BadSettingException(
            new ConfigProblem(
                Setting.PAYLOAD_KEY_FILE.envVar(), "a readable payload key file", file.toString()),
            Setting.PAYLOAD_KEY.envVar()
                + " is unset and the file cannot be used: "
                + e.getMessage(),
            e);
      }
      from = file.toString();
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

  /**
   * {@code base} (the SDK's JSON converter, or a stricter one) with the codec after it. Where the
   * codec encrypts, a failure's message and stack trace are encoded too (the SDK moves them into
   * the failure's encoded attributes), so that a reason naming a path is as protected as the
   * payloads; where it does not, failures stay readable.
   */
  public static DataConverter dataConverter(DataConverter base, AesGcmPayloadCodec codec) {
    return new FailuresEncodedWhereEncrypted(
        new CodecDataConverter(base, List.of(codec), true),
        new CodecDataConverter(base, List.of(codec), false),
        codec);
  }

  /** What the worker and its clients speak: the strict input converter, then the codec. */
  public static DataConverter strictDataConverter(AesGcmPayloadCodec codec) {
    return dataConverter(StrictInputDataConverter.standard(), codec);
  }

  /**
   * The SDK's codec converter with failure attributes encoded, or without, as the codec decides for
   * the serialization context's workflow. Both decode encoded failure attributes.
   */
  private record FailuresEncodedWhereEncrypted(
      DataConverter encoding, DataConverter plain, AesGcmPayloadCodec codec)
      implements DataConverter {

    @Override
    public DataConverter withContext(SerializationContext context) {
      boolean encrypts = ((AesGcmPayloadCodec) codec.withContext(context)).encrypting();
      return (encrypts ? encoding : plain).withContext(context);
    }

    @Override
    public <T> Optional<Payload> toPayload(T value) {
      return encoding.toPayload(value);
    }

    @Override
    public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType) {
      return encoding.fromPayload(payload, valueClass, valueType);
    }

    @Override
    public Optional<Payloads> toPayloads(Object... values) {
      return encoding.toPayloads(values);
    }

    @Override
    public <T> T fromPayloads(
        int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType) {
      return encoding.fromPayloads(index, content, valueType, valueGenericType);
    }

    @Override
    public Object[] fromPayloads(
        Optional<Payloads> content, Class<?>[] parameterTypes, Type[] genericParameterTypes) {
      return encoding.fromPayloads(content, parameterTypes, genericParameterTypes);
    }

    @Override
    public RuntimeException failureToException(Failure failure) {
      return encoding.failureToException(failure);
    }

    /** No workflow to judge by: encoded, as the codec encrypts then. */
    @Override
    public Failure exceptionToFailure(Throwable throwable) {
      return encoding.exceptionToFailure(throwable);
    }
  }
}
