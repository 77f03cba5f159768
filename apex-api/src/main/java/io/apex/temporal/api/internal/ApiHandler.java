package io.apex.temporal.api.internal;

import io.apex.temporal.ingestion.AccessKey;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches each request to its route after the access check, and answers every refusal and
 * failure as {@code application/problem+json}: a wrong path 404, a wrong method 405 with {@code
 * Allow}, the store or Temporal out of reach 503, and any other failure 500 without a stack trace
 * (logged once). Records each request's latency and writes one access-log line without the query
 * string or any key.
 */
public final class ApiHandler extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
  private static final Logger access = LoggerFactory.getLogger("io.apex.temporal.api.AccessLog");
  private static final String PROBLEM_JSON = "application/problem+json";

  private final List<Route> routes;
  private final AccessControl accessControl;
  private final JsonBodies json;
  private final HttpMeters meters;

  public ApiHandler(
      List<Route> routes, AccessControl accessControl, JsonBodies json, HttpMeters meters) {
    this.routes = List.copyOf(routes);
    this.accessControl = accessControl;
    this.json = json;
    this.meters = meters;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long started = System.nanoTime();
    String method = request.getMethod();
    String path = Request.getPathInContext(request);
    String routeName = "unmatched";
    Optional<AccessKey> key = Optional.empty();
    ApiReply reply;
    try {
      Fields query = queryOf(request);
      Map<Route, Map<String, String>> matching = new LinkedHashMap<>();
      for (Route route : routes) {
        route.match(path).ifPresent(parameters -> matching.put(route, parameters));
      }
      if (matching.isEmpty()) {
        throw ApiProblem.notFound("no resource at " + printable(path));
      }
      String wanted = HttpMethod.HEAD.is(method) ? "GET" : method;
      var chosen =
          matching.entrySet().stream().filter(e -> e.getKey().method().equals(wanted)).findFirst();
      if (chosen.isEmpty()) {
        List<String> allowed = new ArrayList<>();
        matching.keySet().forEach(r -> allowed.add(r.method()));
        routeName = matching.keySet().iterator().next().template();
        reply =
            problem(
                    new ApiProblem(
                        405,
                        "method-not-allowed",
                        "Method not allowed",
                        method
                            + " is not allowed on "
                            + printable(path)
                            + "; allowed: "
                            + String.join(", ", allowed)),
                    path)
                .withHeader("Allow", String.join(", ", allowed));
      } else {
        Route route = chosen.get().getKey();
        routeName = route.template();
        key = accessControl.authorize(request, route.access());
        reply = route.handler().handle(new ApiCall(request, chosen.get().getValue(), query));
      }
    } catch (ApiProblem problem) {
      reply = problem(problem, path);
    } catch (StatusRuntimeException e) {
      reply = problem(temporalProblem(e), path);
    } catch (RuntimeException e) {
      reply = problem(failure(e, method, routeName), path);
    }
    write(request, response, callback, reply);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    meters.record(routeName, method, reply.status(), took);
    access.info(
        "{} {} {} {} ms from {}{}",
        method,
        printable(path),
        reply.status(),
        took.toMillis(),
        Request.getRemoteAddr(request),
        key.map(k -> " key " + k.keyId()).orElse(""));
    return true;
  }

  private static Fields queryOf(Request request) {
    try {
      return Request.extractQueryParameters(request);
    } catch (RuntimeException e) {
      throw ApiProblem.badRequest("the query string is not valid: " + e.getMessage());
    }
  }

  private static ApiProblem temporalProblem(StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    log.warn("a Temporal call failed: {}", e.getStatus());
    return ApiProblem.unavailable(
        "Temporal could not be reached or refused the call (" + code + "); try again");
  }

  private static ApiProblem failure(RuntimeException e, String method, String route) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        return temporalProblem(status);
      }
      if (cause instanceof java.sql.SQLException) {
        log.warn("{} {}: the store failed: {}", method, route, e.getMessage());
        return ApiProblem.unavailable("the document store is not available; try again");
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    log.error("{} {} failed: {}", method, route, e.toString(), e);
    return new ApiProblem(
        500, "internal", "Internal server error", "the request failed on the server");
  }

  private ApiReply problem(ApiProblem problem, String path) {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", problem.type());
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("instance", printable(path));
    ApiReply reply = ApiReply.bytes(problem.status(), json.write(body), PROBLEM_JSON);
    return problem.status() == 401 ? reply.withHeader("WWW-Authenticate", "Bearer") : reply;
  }

  private void write(Request request, Response response, Callback callback, ApiReply reply) {
    byte[] bytes = reply.bytes() != null ? reply.bytes() : json.write(reply.body());
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    if (reply.status() >= 400 && carriesBody(request)) {
      // A refused request's body may be left unread, and the server then closes the connection
      // after the answer; saying so keeps a client from sending its next request on it.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
  }

  private static boolean carriesBody(Request request) {
    return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  /** A path as it may be shown or logged: control characters escaped, at most 200 characters. */
  static String printable(String path) {
    var out = new StringBuilder();
    for (int i = 0; i < path.length() && out.length() < 200; i++) {
      char c = path.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
    }
    return out.toString();
  }
}
