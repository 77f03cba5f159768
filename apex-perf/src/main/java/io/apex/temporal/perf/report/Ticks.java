package io.apex.temporal.perf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round tick values for a linear axis, and their labels. */
final class Ticks {
  private Ticks() {}

  /** Ticks from {@code min} covering {@code max}, about {@code count} of them, on 1-2-5 steps. */
  static List<Double> linear(double min, double max, int count) {
    double raw = (max - min) / count;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double multiple : new double[] {1, 2, 5, 10}) {
      step = multiple * magnitude;
      if (step >= raw) {
        break;
      }
    }
    List<Double> ticks = new ArrayList<>();
    double tick = Math.floor(min / step) * step;
    while (true) {
      ticks.add(tick);
      if (tick >= max) {
        break;
      }
      tick += step;
    }
    return ticks;
  }

  static String label(double value) {
    if (value == Math.rint(value)) {
      return String.valueOf((long) value);
    }
    return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
  }
}
