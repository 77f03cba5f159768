package io.apex.temporal.infra;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alert rule's expression split into what it measures and the threshold it compares with.
 * Without its comparison, an expression over metrics that exist returns series whatever their
 * values; one whose selector matches nothing returns none, while the rule stays "healthy".
 */
public record AlertExpression(String measured, String comparison) {
  private static final Pattern TRAILING_COMPARISON =
      Pattern.compile("(?s)^(.*?)\\s*((?:==|!=|>=|<=|>|<)\\s*-?[0-9.]+)\\s*$");

  private static final Pattern NEGATIVE_MATCHER =
      Pattern.compile("\\s*,?\\s*[A-Za-z_][A-Za-z0-9_]*\\s*!(?:~|=)\\s*\"(?:[^\"\\\\]|\\\\.)*\"");

  /**
   * The measured part with every negative label matcher ({@code label!~"..."}, {@code
   * label!="..."}) removed: for an alert on unexpected errors, which a healthy stack does not
   * produce, this counts the expected ones the test traffic does cause, so the metric, its positive
   * labels and the expression's arithmetic are still checked on live data. What the exclusion
   * leaves out is the promtool unit tests' job.
   */
  public String measuredWithoutExclusions() {
    return NEGATIVE_MATCHER.matcher(measured).replaceAll("").replaceAll("\\{\\s*,\\s*", "{");
  }

  public boolean hasExclusions() {
    return NEGATIVE_MATCHER.matcher(measured).find();
  }

  public static AlertExpression of(String expr) {
    Matcher matcher = TRAILING_COMPARISON.matcher(expr.trim());
    if (!matcher.matches()) {
      throw new AssertionError(
          "alert expression does not end with a comparison with a number,"
              + " so this test cannot tell what it measures: "
              + expr);
    }
    return new AlertExpression(matcher.group(1).trim(), matcher.group(2).trim());
  }
}
