package io.apex.temporal.perf.report;

/**
 * One floor the run must meet: the rule (with where it comes from), the figure measured, and the
 * verdict. A floor that failed fails the run; one whose scenario was not run is {@code NOT_RUN}.
 */
public record FloorCheck(String name, String rule, String measured, Verdict verdict) {

  public enum Verdict {
    PASS,
    FAIL,
    NOT_RUN
  }

  public static FloorCheck of(String name, String rule, String measured, boolean met) {
    return new FloorCheck(name, rule, measured, met ? Verdict.PASS : Verdict.FAIL);
  }

  public static FloorCheck notRun(String name, String rule, String why) {
    return new FloorCheck(name, rule, why, Verdict.NOT_RUN);
  }
}
