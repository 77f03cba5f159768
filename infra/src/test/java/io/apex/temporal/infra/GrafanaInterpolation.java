package io.apex.temporal.infra;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces Grafana's variables in a panel query the way Grafana does before it sends the query to
 * Prometheus: template variables ({@code $name}, {@code ${name}}) with a selected value, escaped
 * for use in a regex matcher, and the built-in intervals with fixed durations.
 */
public record GrafanaInterpolation(Map<String, String> values) {

  /**
   * Durations Grafana would compute: with the data source's 15 s scrape interval, {@code
   * $__rate_interval} is at least four scrapes, 1 m.
   */
  public static final Map<String, String> BUILT_INS =
      Map.of(
          "__rate_interval", "1m",
          "__interval", "15s",
          "__range", "1h");

  /** Template variable values (raw, unescaped) plus the built-ins. */
  public static GrafanaInterpolation of(Map<String, String> templateValues) {
    Map<String, String> all = new LinkedHashMap<>(BUILT_INS);
    templateValues.forEach((name, value) -> all.put(name, escapeRegex(value)));
    return new GrafanaInterpolation(all);
  }

  public String apply(String query) {
    String result = query;
    // Longest names first, so that $task_queue is not read as $task followed by _queue.
    var names =
        values.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    for (String name : names) {
      result =
          result.replace("${" + name + "}", values.get(name)).replace("$" + name, values.get(name));
    }
    return result;
  }

  /** Regex-escaped, then string-escaped for PromQL: "a.b" becomes a\\.b in the query text. */
  private static String escapeRegex(String value) {
    return value.replaceAll("([\\\\^$.|?*+()\\[\\]{}])", "\\\\\\\\$1");
  }
}
