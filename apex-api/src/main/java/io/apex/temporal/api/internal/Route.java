package io.apex.temporal.api.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One route: a method and a path template such as {@code /v1/documents/{id}}, the scope a key needs
 * ({@link Access#PUBLIC} for none), and the handler.
 */
public record Route(String method, String template, Access access, Handler handler) {
  /** Who may call a route once keys exist (without keys, loopback clients may call any). */
  public enum Access {
    PUBLIC,
    READ,
    WRITE
  }

  @FunctionalInterface
  public interface Handler {
    ApiReply handle(ApiCall call);
  }

  /** The path's parameters when {@code path} fits the template; a {@code *} tail takes the rest. */
  public Optional<Map<String, String>> match(String path) {
    List<String> want = segments(template);
    List<String> got = segments(path);
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < want.size(); i++) {
      String segment = want.get(i);
      if (segment.equals("*")) {
        parameters.put("*", String.join("/", got.subList(Math.min(i, got.size()), got.size())));
        return Optional.of(parameters);
      }
      if (i >= got.size()) {
        return Optional.empty();
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (got.get(i).isEmpty()) {
          return Optional.empty();
        }
        parameters.put(segment.substring(1, segment.length() - 1), got.get(i));
      } else if (!segment.equals(got.get(i))) {
        return Optional.empty();
      }
    }
    return want.size() == got.size() ? Optional.of(parameters) : Optional.empty();
  }

  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return List.of(trimmed.split("/", -1));
  }
}
