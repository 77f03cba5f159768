package io.apex.temporal.worker.internal.codecserver;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The codec endpoint's answer: status, headers and body, for any server to send. */
public record CodecResponse(int status, Map<String, String> headers, byte[] body) {

  public CodecResponse {
    headers = Map.copyOf(headers);
  }

  static CodecResponse text(int status, String message, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "text/plain; charset=utf-8");
    return new CodecResponse(status, all, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
