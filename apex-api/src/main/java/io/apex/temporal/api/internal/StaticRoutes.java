package io.apex.temporal.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /openapi.json} and the web console's files, read from the class path once and kept: the
 * API's contract and a page that holds no data, so no key is needed for them.
 */
public final class StaticRoutes {
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/openapi.json", Route.Access.PUBLIC, call -> file("openapi.json")),
        new Route("GET", "/", Route.Access.PUBLIC, call -> ApiReply.redirect("/console/")),
        new Route("GET", "/console", Route.Access.PUBLIC, call -> ApiReply.redirect("/console/")),
        new Route(
            "GET",
            "/console/*",
            Route.Access.PUBLIC,
            call -> {
              String rest = call.pathParameter("*");
              return file("console/" + (rest.isEmpty() ? "index.html" : rest));
            }));
  }

  private ApiReply file(String name) {
    if (!name.matches("[A-Za-z0-9_/-]+(\\.[A-Za-z0-9]+)+") || name.contains("..")) {
      throw ApiProblem.notFound("no file " + ApiHandler.printable(name));
    }
    String extension = name.substring(name.lastIndexOf('.') + 1);
    String type = TYPES.get(extension);
    if (type == null) {
      throw ApiProblem.notFound("no file " + name);
    }
    byte[] bytes = cache.computeIfAbsent(name, StaticRoutes::load);
    if (bytes.length == 0) {
      throw ApiProblem.notFound("no file " + name);
    }
    return ApiReply.bytes(200, bytes, type)
        .withHeader("Cache-Control", "no-cache")
        .withHeader(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                + " connect-src 'self'; frame-ancestors 'none'");
  }

  private static byte[] load(String name) {
    try (InputStream in = StaticRoutes.class.getResourceAsStream("/" + name)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name + " from the class path failed", e);
    }
  }
}
