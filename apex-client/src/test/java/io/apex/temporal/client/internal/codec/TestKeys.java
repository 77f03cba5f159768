package io.apex.temporal.client.internal.codec;

import io.apex.temporal.config.PayloadKey;
import io.apex.temporal.config.Secret;
import java.util.Arrays;
import java.util.Base64;

/** Fixed keys for tests: key {@code id} is 32 bytes of {@code fill}. */
public final class TestKeys {
  private TestKeys() {}

  public static PayloadKey key(String id, int fill) {
    byte[] bytes = new byte[PayloadKey.KEY_BYTES];
    Arrays.fill(bytes, (byte) fill);
    return new PayloadKey(id, new Secret(Base64.getEncoder().encodeToString(bytes)));
  }

  /** As APEX_PAYLOAD_KEY takes it. */
  public static String setting(String id, int fill) {
    return id + ":" + key(id, fill).base64().reveal();
  }
}
