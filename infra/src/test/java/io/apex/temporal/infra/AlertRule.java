package io.apex.temporal.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One alerting rule of infra/prometheus/rules. */
public record AlertRule(
    String group,
    String name,
    String expr,
    String forDuration,
    Map<String, String> labels,
    Map<String, String> annotations) {

  /** Every alerting rule in the given rule files. */
  public static List<AlertRule> readAll(List<Path> ruleFiles) {
    List<AlertRule> rules = new ArrayList<>();
    for (Path file : ruleFiles) {
      for (JsonNode group : YamlFiles.readYaml(file).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          if (rule.has("alert")) {
            rules.add(
                new AlertRule(
                    group.path("name").asText(),
                    rule.path("alert").asText(),
                    rule.path("expr").asText(),
                    rule.path("for").asText(""),
                    strings(rule.path("labels")),
                    strings(rule.path("annotations"))));
          }
        }
      }
    }
    return rules;
  }

  /** The alert names that the promtool unit test files evaluate. */
  public static List<String> testedAlertNames(List<Path> testFiles) {
    List<String> names = new ArrayList<>();
    for (Path file : testFiles) {
      for (JsonNode test : YamlFiles.readYaml(file).path("tests")) {
        for (JsonNode check : test.path("alert_rule_test")) {
          if (!check.path("exp_alerts").isEmpty()) {
            names.add(check.path("alertname").asText());
          }
        }
      }
    }
    return names;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> values = new LinkedHashMap<>();
    node.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
    return values;
  }
}
