package io.apex.temporal.perf.report;

/** A linear mapping from data values {@code min..max} to pixels {@code from..to}. */
record Axis(double min, double max, double from, double to) {

  double at(double value) {
    double clamped = Math.max(min, Math.min(max, value));
    return from + (clamped - min) / (max - min) * (to - from);
  }
}
