package io.apex.temporal.api.internal;

import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** One request as a route sees it: the Jetty request, the path's parameters and the query's. */
public record ApiCall(Request request, Map<String, String> pathParameters, Fields query) {

  public String pathParameter(String name) {
    return pathParameters.get(name);
  }

  /** The query parameter's value, or null when absent; given twice, it is refused. */
  public String queryParameter(String name) {
    var field = query.get(name);
    if (field == null) {
      return null;
    }
    if (field.getValues().size() > 1) {
      throw ApiProblem.badRequest("query parameter '" + name + "' is given more than once");
    }
    return field.getValue();
  }

  /** An integer query parameter within bounds, or the default when absent. */
  public int intQueryParameter(String name, int min, int max, int defaultValue) {
    String text = queryParameter(name);
    if (text == null || text.isEmpty()) {
      return defaultValue;
    }
    if (text.matches("[0-9]{1,9}")) {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    }
    throw ApiProblem.badRequest(
        "query parameter '"
            + name
            + "' must be an integer "
            + min
            + "-"
            + max
            + ", got '"
            + text
            + "'");
  }
}
