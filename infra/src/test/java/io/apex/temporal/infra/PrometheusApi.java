package io.apex.temporal.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/** The parts of Prometheus's HTTP API the tests use. */
public final class PrometheusApi {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  public PrometheusApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public boolean ready() {
    try {
      return send("/-/ready").statusCode() == 200;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  public String version() {
    return data("/api/v1/status/buildinfo").path("version").asText();
  }

  /** An instant query at the current time. */
  public QueryResult query(String query) {
    JsonNode body = body("/api/v1/query?query=" + encode(query));
    if (!"success".equals(body.path("status").asText())) {
      return new QueryResult(query, false, "", 0, 0, body.path("error").asText());
    }
    JsonNode data = body.path("data");
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    int count =
        switch (type) {
          case "vector", "matrix" -> result.size();
          default -> 1;
        };
    int numeric =
        switch (type) {
          case "vector" ->
              (int) stream(result).filter(series -> isNumber(series.path("value"))).count();
          case "matrix" ->
              (int)
                  stream(result)
                      .filter(
                          series -> stream(series.path("values")).anyMatch(PrometheusApi::isNumber))
                      .count();
          case "scalar" -> isNumber(result) ? 1 : 0;
          default -> 0;
        };
    return new QueryResult(query, true, type, count, numeric, "");
  }

  /** A sample [time, "value"] whose value is a number: NaN is what 0/0 gives, not data. */
  private static boolean isNumber(JsonNode sample) {
    String value = sample.path(1).asText("NaN");
    return !value.equals("NaN") && !value.isEmpty();
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  /** The value of the first series an instant query returns, if it returns one. */
  public OptionalDouble firstValue(String query) {
    JsonNode data = body("/api/v1/query?query=" + encode(query)).path("data");
    JsonNode first = data.path("result").path(0);
    return first.isMissingNode()
        ? OptionalDouble.empty()
        : OptionalDouble.of(Double.parseDouble(first.path("value").path(1).asText()));
  }

  /** The values of one label over the series that match a selector. */
  public Set<String> labelValues(String selector, String label) {
    Set<String> values = new TreeSet<>();
    for (JsonNode series : data("/api/v1/series?match[]=" + encode(selector))) {
      if (series.has(label)) {
        values.add(series.path(label).asText());
      }
    }
    return values;
  }

  public List<ScrapeTarget> activeTargets() {
    List<ScrapeTarget> targets = new ArrayList<>();
    for (JsonNode target : data("/api/v1/targets?state=active").path("activeTargets")) {
      targets.add(
          new ScrapeTarget(
              target.path("labels").path("job").asText(),
              target.path("scrapeUrl").asText(),
              target.path("health").asText(),
              target.path("lastError").asText()));
    }
    return targets;
  }

  public List<LoadedRule> rules() {
    List<LoadedRule> rules = new ArrayList<>();
    for (JsonNode group : data("/api/v1/rules").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        rules.add(
            new LoadedRule(
                group.path("name").asText(),
                rule.path("name").asText(),
                rule.path("type").asText(),
                rule.path("health").asText(),
                rule.path("lastError").asText()));
      }
    }
    return rules;
  }

  private JsonNode data(String path) {
    JsonNode body = body(path);
    if (!"success".equals(body.path("status").asText())) {
      throw new IllegalStateException(path + " failed: " + body.path("error").asText());
    }
    return body.path("data");
  }

  private JsonNode body(String path) {
    return YamlFiles.parseJson(send(path).body());
  }

  private HttpResponse<String> send(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + baseUrl + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: GET " + path, e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
