package io.apex.temporal.perf.report;

import java.util.ArrayList;
import java.util.List;

/** A log10 mapping from whole decades {@code 10^low..10^high} to pixels {@code from..to}. */
record LogAxis(int lowDecade, int highDecade, double from, double to) {

  static LogAxis spanning(double smallest, double largest, double from, double to) {
    int low = (int) Math.floor(Math.log10(Math.max(smallest, 1e-3)));
    int high = (int) Math.ceil(Math.log10(Math.max(largest, smallest * 10)));
    return new LogAxis(low, Math.max(high, low + 1), from, to);
  }

  double at(double value) {
    double decade = Math.log10(Math.max(value, Math.pow(10, lowDecade)));
    double clamped = Math.min(highDecade, decade);
    return from + (clamped - lowDecade) / (highDecade - lowDecade) * (to - from);
  }

  /** 1, 2 and 5 times each decade, so that a reader can place a value without a calculator. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    for (int decade = lowDecade; decade <= highDecade; decade++) {
      for (int step : new int[] {1, 2, 5}) {
        double tick = step * Math.pow(10, decade);
        if (tick <= Math.pow(10, highDecade) * 1.0001) {
          ticks.add(tick);
        }
      }
    }
    return ticks;
  }
}
