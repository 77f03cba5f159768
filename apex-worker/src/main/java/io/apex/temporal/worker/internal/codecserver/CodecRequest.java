package io.apex.temporal.worker.internal.codecserver;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One HTTP request to the codec endpoint, whatever server received it. Header names are kept in
 * lower case; {@code remote} is the client's address.
 */
public record CodecRequest(
    String method, String path, Map<String, String> headers, byte[] body, InetAddress remote) {

  public CodecRequest {
    headers =
        headers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
}
