package io.apex.temporal.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does for a dashboard what Grafana does on opening it: resolves each template variable with its
 * own query, picks a value, substitutes the values into every panel query and runs the queries
 * against Prometheus.
 */
public final class PanelEvaluator {
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((?:(.*),\\s*)?([A-Za-z_][A-Za-z0-9_]*)\\)");

  private final PrometheusApi prometheus;
  private final Map<String, List<String>> wanted;

  /**
   * @param wanted for each variable, the values to select in order of preference; the first one the
   *     variable's query returns is chosen, and it is an error if it returns none of them
   */
  public PanelEvaluator(PrometheusApi prometheus, Map<String, List<String>> wanted) {
    this.prometheus = prometheus;
    this.wanted = wanted;
  }

  /** The selected value of each query variable, in dashboard order. */
  public Map<String, String> resolveVariables(Dashboard dashboard) {
    Map<String, String> selected = new LinkedHashMap<>();
    for (TemplateVariable variable : dashboard.variables()) {
      if (!"query".equals(variable.type())) {
        continue;
      }
      Matcher matcher = LABEL_VALUES.matcher(variable.query().trim());
      if (!matcher.matches()) {
        throw new AssertionError(
            dashboard.title()
                + ": variable "
                + variable.name()
                + " is not a label_values() query: "
                + variable.query());
      }
      String selector =
          matcher.group(1) == null
              ? "{__name__=~\".+\"}"
              : GrafanaInterpolation.of(selected).apply(matcher.group(1));
      Set<String> values = prometheus.labelValues(selector, matcher.group(2));
      String choice =
          wanted.getOrDefault(variable.name(), List.copyOf(values)).stream()
              .filter(values::contains)
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          dashboard.title()
                              + ": variable "
                              + variable.name()
                              + " ("
                              + variable.query()
                              + ") offers "
                              + values
                              + ", none of "
                              + wanted.get(variable.name())));
      selected.put(variable.name(), choice);
    }
    return selected;
  }

  public List<PanelResult> evaluate(Dashboard dashboard, Map<String, String> variables) {
    GrafanaInterpolation interpolation = GrafanaInterpolation.of(variables);
    List<PanelResult> results = new ArrayList<>();
    for (Panel panel : dashboard.panels()) {
      List<QueryResult> answers = new ArrayList<>();
      for (PanelQuery query : panel.queries()) {
        answers.add(prometheus.query(interpolation.apply(query.expr())));
      }
      results.add(new PanelResult(panel, answers));
    }
    return results;
  }
}
