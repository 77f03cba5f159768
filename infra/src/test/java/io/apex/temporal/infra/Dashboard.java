package io.apex.temporal.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Grafana dashboard JSON file of infra/grafana/dashboards. */
public record Dashboard(String fileName, JsonNode tree) {

  public static Dashboard read(Path file) {
    return new Dashboard(file.getFileName().toString(), YamlFiles.readJson(file));
  }

  public String title() {
    return tree.path("title").asText();
  }

  public String uid() {
    return tree.path("uid").asText();
  }

  /** Every data panel, including those nested in collapsed rows, in dashboard order. */
  public List<Panel> panels() {
    List<Panel> panels = new ArrayList<>();
    collect(tree.path("panels"), panels);
    return panels;
  }

  private void collect(JsonNode nodes, List<Panel> panels) {
    for (JsonNode node : nodes) {
      if ("row".equals(node.path("type").asText())) {
        collect(node.path("panels"), panels);
        continue;
      }
      List<PanelQuery> queries = new ArrayList<>();
      node.path("targets")
          .forEach(
              target ->
                  queries.add(
                      new PanelQuery(target.path("refId").asText(), target.path("expr").asText())));
      panels.add(
          new Panel(
              title(),
              node.path("id").asInt(),
              node.path("title").asText(),
              node.path("type").asText(),
              node.path("datasource").path("uid").asText(),
              queries));
    }
  }

  public List<TemplateVariable> variables() {
    List<TemplateVariable> variables = new ArrayList<>();
    for (JsonNode variable : tree.path("templating").path("list")) {
      JsonNode query = variable.path("query");
      String text = query.isObject() ? query.path("query").asText() : query.asText();
      if ("datasource".equals(variable.path("type").asText())) {
        text = "";
      }
      variables.add(
          new TemplateVariable(
              variable.path("name").asText(),
              variable.path("type").asText(),
              text,
              variable.path("multi").asBoolean(),
              variable.path("includeAll").asBoolean()));
    }
    return variables;
  }
}
