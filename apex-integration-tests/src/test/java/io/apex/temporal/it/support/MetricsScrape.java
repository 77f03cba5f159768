package io.apex.temporal.it.support;

import io.apex.temporal.testkit.MetricsText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/** Reads a worker's HTTP port: the Prometheus text of {@code /metrics} and the probes. */
public final class MetricsScrape {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final int port;

  public MetricsScrape(int port) {
    this.port = port;
  }

  /** The samples of {@code /metrics} whose line starts with the name and holds every label. */
  public List<String> samples(String name, String... labels) {
    return text().samples(name, labels);
  }

  /** The sum of the matching samples' values, absent when none match. */
  public OptionalDouble sum(String name, String... labels) {
    return text().total(name, labels);
  }

  private MetricsText text() {
    return new MetricsText(get("/metrics").body());
  }

  /** The HTTP status of a path, or -1 while nothing answers. */
  public int status(String path) {
    try {
      return get(path).statusCode();
    } catch (IllegalStateException e) {
      return -1;
    }
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " on port " + port + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
