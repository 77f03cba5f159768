package io.apex.temporal.workflows.internal.input;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.GlobalDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.payload.context.SerializationContext;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.Nonnull;

/**
 * The SDK's data converter, strict about the arguments of workflows, activities, signals and
 * queries: more arguments than the method takes, or an argument that cannot be read as its
 * parameter's type, is a non-retryable {@link ApplicationFailure} of type {@link #INVALID_INPUT}
 * that names the expected type. Thrown while a workflow starts, it fails the workflow at once; the
 * SDK would otherwise fail the workflow task, and the server would retry that task forever.
 */
public final class StrictInputDataConverter implements DataConverter {
  /** The failure type of every input this converter refuses. */
  public static final String INVALID_INPUT = "InvalidInput";

  private static final int PREVIEW_CHARS = 60;

  private final DataConverter delegate;

  public StrictInputDataConverter(DataConverter delegate) {
    this.delegate = delegate;
  }

  /** The SDK's default converter (JSON for our types), made strict. */
  public static StrictInputDataConverter standard() {
    return new StrictInputDataConverter(GlobalDataConverter.get());
  }

  @Override
  public Object[] fromPayloads(
      Optional<Payloads> content, Class<?>[] parameterTypes, Type[] genericParameterTypes) {
    int given = content.map(Payloads::getPayloadsCount).orElse(0);
    if (given > parameterTypes.length) {
      throw ApplicationFailure.newNonRetryableFailure(
          "expected "
              + parameterTypes.length
              + " argument(s) "
              + typeNames(parameterTypes)
              + ", got "
              + given,
          INVALID_INPUT);
    }
    Object[] values = new Object[parameterTypes.length];
    for (int i = 0; i < parameterTypes.length; i++) {
      if (i >= given) {
        values[i] =
            delegate.fromPayloads(i, Optional.empty(), parameterTypes[i], genericParameterTypes[i]);
        continue;
      }
      Payload payload = content.orElseThrow().getPayloads(i);
      try {
        values[i] = delegate.fromPayload(payload, parameterTypes[i], genericParameterTypes[i]);
      } catch (DataConverterException e) {
        throw ApplicationFailure.newNonRetryableFailure(
            "argument "
                + (i + 1)
                + " must be "
                + genericParameterTypes[i].getTypeName()
                + " in JSON, got "
                + preview(payload),
            INVALID_INPUT);
      }
    }
    return values;
  }

  private static String typeNames(Class<?>[] types) {
    return Arrays.stream(types).map(Class::getName).collect(Collectors.joining(", ", "(", ")"));
  }

  /** The payload's encoding and the start of its data, readably even when it is not UTF-8. */
  static String preview(Payload payload) {
    String encoding =
        payload
            .getMetadataOrDefault("encoding", com.google.protobuf.ByteString.EMPTY)
            .toStringUtf8();
    byte[] data = payload.getData().toByteArray();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data))
              .toString();
    } catch (CharacterCodingException e) {
      return (encoding.isEmpty() ? "" : encoding + " ")
          + "data that is not UTF-8 ("
          + data.length
          + " bytes)";
    }
    String shown = text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "..." : text;
    return (encoding.isEmpty() ? "" : encoding + " ") + "'" + shown + "'";
  }

  @Override
  public <T> Optional<Payload> toPayload(T value) {
    return delegate.toPayload(value);
  }

  @Override
  public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType) {
    return delegate.fromPayload(payload, valueClass, valueType);
  }

  @Override
  public Optional<Payloads> toPayloads(Object... values) {
    return delegate.toPayloads(values);
  }

  @Override
  public <T> T fromPayloads(
      int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType) {
    return delegate.fromPayloads(index, content, valueType, valueGenericType);
  }

  @Nonnull
  @Override
  public RuntimeException failureToException(@Nonnull Failure failure) {
    return delegate.failureToException(failure);
  }

  @Nonnull
  @Override
  public Failure exceptionToFailure(@Nonnull Throwable throwable) {
    return delegate.exceptionToFailure(throwable);
  }

  @Nonnull
  @Override
  public DataConverter withContext(@Nonnull SerializationContext context) {
    return new StrictInputDataConverter(delegate.withContext(context));
  }
}
