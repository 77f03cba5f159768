package io.apex.temporal.worker.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apex.temporal.config.ApiSettings;
import io.apex.temporal.config.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The command line's client of the memory service API ({@code APEX_API_URL}, with {@code
 * APEX_API_KEY} as a bearer key when set). A refusal comes back as an {@link ApiException} with the
 * problem's detail; an API that does not answer as one naming the address.
 */
final class MemoryServiceClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  /** The API answered with an error status; {@code detail} is its problem's detail. */
  static final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiException(int status, String detail) {
      super(detail);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** The API could not be reached at all. */
  static final class UnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One answer: its status and its JSON body. */
  record Answer(int status, JsonNode body) {}

  private final URI base;
  private final Optional<Secret> key;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  MemoryServiceClient(ApiSettings settings) {
    this.base = settings.url();
    this.key = settings.clientKey();
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  URI base() {
    return base;
  }

  /** Uploads one file's content (its name, not its path, goes with it). */
  Answer upload(Path file, String fileName, String source, String documentId)
      throws IOException, InterruptedException, ApiException, UnreachableException {
    String boundary = "apex-" + UUID.randomUUID();
    String head =
        field(boundary, "source", source)
            + field(boundary, "document_id", documentId)
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + quoted(fileName)
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    var body =
        HttpRequest.BodyPublishers.concat(
            HttpRequest.BodyPublishers.ofString(head),
            HttpRequest.BodyPublishers.ofFile(file),
            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
    return send(
        request("/v1/documents")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(body));
  }

  /** The document's view, or empty when the API does not know it. */
  Optional<JsonNode> document(String documentId)
      throws IOException, InterruptedException, ApiException, UnreachableException {
    try {
      return Optional.of(send(request("/v1/documents/" + encode(documentId)).GET()).body());
    } catch (ApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  JsonNode search(JsonNode query)
      throws IOException, InterruptedException, ApiException, UnreachableException {
    return send(request("/v1/search")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(query))))
        .body();
  }

  /** How many workers polled the task queue lately; empty when the server cannot say. */
  Optional<Integer> workersPolling()
      throws IOException, InterruptedException, ApiException, UnreachableException {
    JsonNode polling = send(request("/v1/service").GET()).body().get("workers_polling");
    return polling == null || polling.isNull() ? Optional.empty() : Optional.of(polling.asInt());
  }

  ObjectMapper json() {
    return json;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    key.ifPresent(k -> builder.header("Authorization", "Bearer " + k.reveal()));
    return builder;
  }

  private Answer send(HttpRequest.Builder builder)
      throws IOException, InterruptedException, ApiException, UnreachableException {
    HttpResponse<byte[]> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new UnreachableException(
          "the memory service API does not answer at "
              + base
              + " (APEX_API_URL): is a worker or `api` running there?",
          e);
    }
    JsonNode body;
    try {
      body = response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
    } catch (IOException e) {
      throw new ApiException(
          response.statusCode(),
          "the API at "
              + base
              + " answered "
              + response.statusCode()
              + " with a body that is not"
              + " JSON");
    }
    if (response.statusCode() >= 400) {
      JsonNode detail = body.get("detail");
      throw new ApiException(
          response.statusCode(),
          detail == null ? "the API answered " + response.statusCode() : detail.asText());
    }
    return new Answer(response.statusCode(), body);
  }

  private static String field(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  /** A file name as a quoted-string: no quote, backslash or line break can end it early. */
  private static String quoted(String name) {
    return name.replaceAll("[\"\\\\\\r\\n]", "_");
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
