package io.apex.temporal.infra;

/** What Prometheus answered to an instant query: the series it returned, or its error. */
public record QueryResult(String query, boolean success, String resultType, int seriesCount,
    String error) {

  public boolean hasData() {
    return success && seriesCount > 0;
  }

  public String describe() {
    return success ? seriesCount + " series (" + resultType + ")" : "error: " + error;
  }
}
