package io.apex.temporal.infra;

/**
 * What Prometheus answered to an instant query: the series it returned, how many of them hold a
 * number (not NaN), or its error.
 */
public record QueryResult(
    String query,
    boolean success,
    String resultType,
    int seriesCount,
    int numericSeriesCount,
    String error) {

  /** Data means a number: a series whose only value is NaN (0/0, say) shows nothing. */
  public boolean hasData() {
    return success && numericSeriesCount > 0;
  }

  public String describe() {
    return success
        ? seriesCount + " series (" + resultType + "), " + numericSeriesCount + " not NaN"
        : "error: " + error;
  }
}
