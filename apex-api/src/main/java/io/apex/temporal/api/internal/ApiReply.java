package io.apex.temporal.api.internal;

import java.util.Map;

/**
 * What a route answers: a status, a body (a value Jackson writes as JSON, or bytes of {@code
 * contentType}), and extra headers.
 */
public record ApiReply(
    int status, Object body, byte[] bytes, String contentType, Map<String, String> headers) {

  public static ApiReply json(int status, Object body) {
    return new ApiReply(status, body, null, "application/json", Map.of());
  }

  public static ApiReply bytes(int status, byte[] bytes, String contentType) {
    return new ApiReply(status, null, bytes, contentType, Map.of());
  }

  public static ApiReply redirect(String location) {
    return new ApiReply(302, null, new byte[0], "text/plain", Map.of("Location", location));
  }

  public ApiReply withHeader(String name, String value) {
    var all = new java.util.LinkedHashMap<>(headers);
    all.put(name, value);
    return new ApiReply(status, body, bytes, contentType, Map.copyOf(all));
  }
}
