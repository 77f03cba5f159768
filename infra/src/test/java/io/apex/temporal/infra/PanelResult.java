package io.apex.temporal.infra;

import java.util.List;
import java.util.stream.Collectors;

/** A panel's queries as Prometheus answered them. */
public record PanelResult(Panel panel, List<QueryResult> results) {

  public boolean allReturnData() {
    return !results.isEmpty() && results.stream().allMatch(QueryResult::hasData);
  }

  public String describe() {
    return panel.dashboard()
        + " / "
        + panel.title()
        + ": "
        + results.stream()
            .map(result -> result.describe() + " <- " + result.query())
            .collect(Collectors.joining(" | "));
  }
}
