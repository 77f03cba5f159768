package io.apex.temporal.perf.report;

import io.apex.temporal.perf.load.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The run over time: latency percentiles of the workflows completed in each interval (log scale, as
 * they span orders of magnitude) above the completions per second, with each scenario's stretch
 * shaded and named.
 */
public final class TimelineChart {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 640;
  private static final double LEFT = 70;
  private static final double RIGHT = WIDTH - 20;
  private static final double LATENCY_TOP = 60;
  private static final double LATENCY_BOTTOM = 330;
  private static final double THROUGHPUT_TOP = 390;
  private static final double THROUGHPUT_BOTTOM = 590;
  private static final String[] BANDS = {"#eef3fb", "#fbf3e8"};

  private TimelineChart() {}

  public static String render(String title, List<TimelinePoint> points) {
    SvgCanvas svg = new SvgCanvas(WIDTH, HEIGHT);
    svg.text(WIDTH / 2.0, 24, title, "middle", 16);
    if (points.isEmpty()) {
      svg.text(WIDTH / 2.0, HEIGHT / 2.0, "no workflows completed", "middle", 14);
      return svg.render();
    }
    double endSeconds = points.get(points.size() - 1).atSeconds();
    Axis x = new Axis(0, Math.max(1, endSeconds), LEFT, RIGHT);
    bands(svg, points, x);
    latency(svg, points, x);
    throughput(svg, points, x);
    for (double tick : Ticks.linear(0, x.max(), 10)) {
      svg.line(x.at(tick), THROUGHPUT_BOTTOM, x.at(tick), THROUGHPUT_BOTTOM + 4, "#333", "");
      svg.text(x.at(tick), THROUGHPUT_BOTTOM + 18, Ticks.label(tick), "middle", 11);
    }
    svg.text((LEFT + RIGHT) / 2, HEIGHT - 12, "seconds since the run began", "middle", 12);
    return svg.render();
  }

  private static void bands(SvgCanvas svg, List<TimelinePoint> points, Axis x) {
    int band = 0;
    int start = 0;
    for (int i = 1; i <= points.size(); i++) {
      if (i < points.size() && points.get(i).scenario().equals(points.get(start).scenario())) {
        continue;
      }
      double from = x.at(points.get(start).atSeconds() - points.get(start).intervalSeconds());
      double to = x.at(points.get(i - 1).atSeconds());
      String fill = BANDS[band++ % BANDS.length];
      svg.rect(
          Math.max(LEFT, from),
          LATENCY_TOP,
          to - Math.max(LEFT, from),
          LATENCY_BOTTOM - LATENCY_TOP,
          fill);
      svg.rect(
          Math.max(LEFT, from),
          THROUGHPUT_TOP,
          to - Math.max(LEFT, from),
          THROUGHPUT_BOTTOM - THROUGHPUT_TOP,
          fill);
      String name = points.get(start).scenario();
      if (to - from > 6.0 * name.length()) {
        svg.text((from + to) / 2, LATENCY_TOP - 6, name, "middle", 10);
      } else if (to - from > 10) {
        // Too narrow to read across: down the band's left edge instead.
        svg.verticalText(Math.max(LEFT, from) + 10, LATENCY_TOP + 4, name, 10);
      }
      start = i;
    }
  }

  private static void latency(SvgCanvas svg, List<TimelinePoint> points, Axis x) {
    double top = points.stream().mapToDouble(TimelinePoint::maxMs).max().orElse(1);
    double bottom =
        points.stream().mapToDouble(TimelinePoint::p50Ms).filter(v -> v > 0).min().orElse(1);
    LogAxis y = LogAxis.spanning(bottom, top, LATENCY_BOTTOM, LATENCY_TOP);
    for (double tick : y.ticks()) {
      svg.line(LEFT, y.at(tick), RIGHT, y.at(tick), "#ddd", "");
      svg.text(LEFT - 6, y.at(tick) + 4, Ticks.label(tick), "end", 11);
    }
    frame(svg, LATENCY_TOP, LATENCY_BOTTOM, "latency, ms (log)");
    series(svg, points, x, y::at, TimelinePoint::p50Ms, "#1f77b4", "", true);
    series(svg, points, x, y::at, TimelinePoint::p90Ms, "#2ca02c", "", true);
    series(svg, points, x, y::at, TimelinePoint::p99Ms, "#ff7f0e", "", true);
    series(svg, points, x, y::at, TimelinePoint::maxMs, "#d62728", "4 3", true);
    legend(
        svg,
        new String[] {"p50", "p90", "p99", "max"},
        new String[] {"#1f77b4", "#2ca02c", "#ff7f0e", "#d62728"},
        LATENCY_TOP + 14);
  }

  private static void throughput(SvgCanvas svg, List<TimelinePoint> points, Axis x) {
    double top = points.stream().mapToDouble(TimelinePoint::completedPerSecond).max().orElse(1);
    List<Double> ticks = Ticks.linear(0, Math.max(1, top), 5);
    Axis y = new Axis(0, ticks.get(ticks.size() - 1), THROUGHPUT_BOTTOM, THROUGHPUT_TOP);
    for (double tick : ticks) {
      svg.line(LEFT, y.at(tick), RIGHT, y.at(tick), "#ddd", "");
      svg.text(LEFT - 6, y.at(tick) + 4, Ticks.label(tick), "end", 11);
    }
    frame(svg, THROUGHPUT_TOP, THROUGHPUT_BOTTOM, "workflows completed per second");
    series(svg, points, x, y::at, TimelinePoint::completedPerSecond, "#333", "", false);
  }

  private static void series(
      SvgCanvas svg,
      List<TimelinePoint> points,
      Axis x,
      java.util.function.DoubleUnaryOperator y,
      ToDoubleFunction<TimelinePoint> value,
      String color,
      String dash,
      boolean onlyWithCompletions) {
    List<double[]> line = new ArrayList<>();
    for (TimelinePoint point : points) {
      if (onlyWithCompletions && point.completed() == 0) {
        line.add(null);
      } else {
        line.add(
            new double[] {x.at(point.atSeconds()), y.applyAsDouble(value.applyAsDouble(point))});
      }
    }
    svg.polyline(line, color, dash);
  }

  private static void frame(SvgCanvas svg, double top, double bottom, String label) {
    svg.line(LEFT, top, LEFT, bottom, "#333", "");
    svg.line(LEFT, bottom, RIGHT, bottom, "#333", "");
    svg.text(LEFT, top - 22, label, "start", 12);
  }

  private static void legend(SvgCanvas svg, String[] names, String[] colors, double y) {
    double x = RIGHT - 70.0 * names.length;
    for (int i = 0; i < names.length; i++) {
      svg.line(x, y - 4, x + 18, y - 4, colors[i], i == names.length - 1 ? "4 3" : "");
      svg.text(x + 22, y, names[i], "start", 11);
      x += 70;
    }
  }
}
