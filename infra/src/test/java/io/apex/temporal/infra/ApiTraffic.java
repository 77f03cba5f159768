package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests to the worker's memory service API, so that its panels have data: searches and document
 * lists answered 200, and a document that does not exist answered 404. Counts the requests that
 * {@code apex_http_requests_seconds_count} must show.
 */
public final class ApiTraffic {
  static final int SEARCHES = 3;

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int requests;

  public ApiTraffic(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  public synchronized void run() throws Exception {
    for (int i = 0; i < SEARCHES; i++) {
      expect(
          200,
          HttpRequest.newBuilder(base.resolve("/v1/search"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"query\":\"monitoring topic " + i + "\",\"top_k\":5}")));
    }
    expect(200, HttpRequest.newBuilder(base.resolve("/v1/documents?limit=5")).GET());
    expect(404, HttpRequest.newBuilder(base.resolve("/v1/documents/no-such-document")).GET());
  }

  /** How many requests were answered so far. */
  public synchronized int requests() {
    return requests;
  }

  private void expect(int status, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    requests++;
  }
}
