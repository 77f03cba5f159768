package io.apex.temporal.client;

import io.apex.temporal.client.internal.codec.PayloadEncryptionFactory;
import io.apex.temporal.config.PayloadEncryption;
import io.temporal.common.converter.DataConverter;

/**
 * The data converter the worker speaks, for a service that builds its own {@code WorkflowClient}:
 * the strict input converter with the payload codec of the settings after it.
 */
public final class WorkflowDataConverter {
  private WorkflowDataConverter() {}

  /**
   * @throws BadSettingException when the key file cannot be used, or does not exist and {@code
   *     missing} is {@link MissingKeyFile#FAIL}
   */
  public static DataConverter of(PayloadEncryption settings, MissingKeyFile missing)
      throws BadSettingException {
    return PayloadEncryptionFactory.strictDataConverter(
        PayloadEncryptionFactory.codec(settings, missing));
  }
}
