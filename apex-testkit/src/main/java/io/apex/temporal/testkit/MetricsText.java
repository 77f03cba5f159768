package io.apex.temporal.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/** A worker's {@code /metrics} text as Prometheus would scrape it, read for exact values. */
public record MetricsText(String text) {

  public static MetricsText scrape(String target) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://" + target + "/metrics"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new MetricsText(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("could not scrape " + target + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scraping " + target, e);
    }
  }

  /** The samples whose line starts with the metric's name and holds every label given. */
  public List<String> samples(String metric, String... labels) {
    return text.lines()
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .filter(line -> List.of(labels).stream().allMatch(line::contains))
        .toList();
  }

  /** The sum of the matching samples' values, absent when none match. */
  public OptionalDouble total(String metric, String... labels) {
    List<String> matching = samples(metric, labels);
    return matching.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(
            matching.stream()
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum());
  }

  /**
   * The sum of the samples of this metric whose labels include every one given ({@code
   * source="x"}); 0 when there is none.
   */
  public double sum(String metric, String... labels) {
    return total(metric, labels).orElse(0);
  }

  /** The {@code # HELP} text of a metric, or an empty string. */
  public String help(String metric) {
    String prefix = "# HELP " + metric + " ";
    return text.lines()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()))
        .findFirst()
        .orElse("");
  }
}
