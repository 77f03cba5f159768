package io.apex.temporal.perf.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The benchmark's client of the memory service API: an upload, a document's stage and a search,
 * each one HTTP request. A reply other than the contract's success is an {@link ApiCallFailed}
 * naming the route, status and body.
 */
final class MemoryServiceHttp {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final URI base;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  MemoryServiceHttp(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Uploads one file; answers its document ID once the API accepted it (202). */
  String upload(String source, String fileName, byte[] content) throws IOException {
    MultipartUpload form = MultipartUpload.of(source, fileName, content);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/v1/documents"))
            .timeout(TIMEOUT)
            .header("Content-Type", form.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
            .build();
    JsonNode reply = send("POST /v1/documents", request, 202);
    return reply.path("document_id").asText();
  }

  /** A document's stage and chunk count, from {@code GET /v1/documents/{id}}. */
  DocumentStage stage(String documentId) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/v1/documents/" + documentId))
            .timeout(TIMEOUT)
            .GET()
            .build();
    JsonNode reply = send("GET /v1/documents/{id}", request, 200);
    return new DocumentStage(
        reply.path("stage").asText(), reply.path("chunks").asInt(), reply.path("reason").asText());
  }

  /** A hybrid search for the top {@code topK}; answers how many results came back. */
  int search(String query, int topK) throws IOException {
    byte[] body = json.writeValueAsBytes(Map.of("query", query, "top_k", topK, "mode", "hybrid"));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/v1/search"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    JsonNode reply = send("POST /v1/search", request, 200);
    if (!"hybrid".equals(reply.path("mode").asText())) {
      throw new ApiCallFailed("POST /v1/search answered mode " + reply.path("mode"));
    }
    return reply.path("results").size();
  }

  private JsonNode send(String route, HttpRequest request, int expected) throws IOException {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(route + " interrupted", e);
    }
    if (response.statusCode() != expected) {
      throw new ApiCallFailed(
          route
              + " answered "
              + response.statusCode()
              + " (expected "
              + expected
              + "): "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return json.readTree(response.body());
  }

  record DocumentStage(String stage, int chunks, String reason) {
    boolean completed() {
      return "completed".equals(stage);
    }

    boolean failed() {
      return "failed".equals(stage);
    }
  }

  /** The API answered, but not as the contract says it answers this request. */
  static final class ApiCallFailed extends IOException {
    ApiCallFailed(String message) {
      super(message);
    }
  }
}
