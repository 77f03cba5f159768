package io.apex.temporal.perf.report;

import io.apex.temporal.perf.scenario.HeapSample;
import io.apex.temporal.perf.scenario.MemoryResult;
import java.util.List;

/** The memory scenario's heap samples against workflows completed, with the fitted line. */
public final class MemoryChart {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 420;
  private static final double LEFT = 80;
  private static final double RIGHT = WIDTH - 20;
  private static final double TOP = 60;
  private static final double BOTTOM = 360;
  private static final double MIB = 1048576.0;

  private MemoryChart() {}

  public static String render(String title, MemoryResult memory) {
    SvgCanvas svg = new SvgCanvas(WIDTH, HEIGHT);
    svg.text(WIDTH / 2.0, 24, title, "middle", 16);
    List<HeapSample> samples = memory.samples();
    if (samples.size() < 2) {
      svg.text(WIDTH / 2.0, HEIGHT / 2.0, "no heap samples", "middle", 14);
      return svg.render();
    }
    List<Double> xTicks = Ticks.linear(0, samples.get(samples.size() - 1).workflows(), 10);
    Axis x = new Axis(0, xTicks.get(xTicks.size() - 1), LEFT, RIGHT);
    List<Double> yTicks = Ticks.linear(0, memory.maxHeapBytes() / MIB * 1.1, 6);
    Axis y = new Axis(0, yTicks.get(yTicks.size() - 1), BOTTOM, TOP);
    for (double tick : yTicks) {
      svg.line(LEFT, y.at(tick), RIGHT, y.at(tick), "#ddd", "");
      svg.text(LEFT - 6, y.at(tick) + 4, Ticks.label(tick), "end", 11);
    }
    for (double tick : xTicks) {
      svg.line(x.at(tick), BOTTOM, x.at(tick), BOTTOM + 4, "#333", "");
      svg.text(x.at(tick), BOTTOM + 18, Ticks.label(tick), "middle", 11);
    }
    svg.line(LEFT, TOP, LEFT, BOTTOM, "#333", "");
    svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, "#333", "");
    svg.text(LEFT, TOP - 22, "heap used after full GC, MiB", "start", 12);
    svg.text((LEFT + RIGHT) / 2, HEIGHT - 16, "workflows completed", "middle", 12);
    for (HeapSample sample : samples) {
      svg.circle(x.at(sample.workflows()), y.at(sample.heapUsedBytes() / MIB), 3, "#1f77b4");
    }
    double lastX = samples.get(samples.size() - 1).workflows();
    double slopePerWorkflow = memory.slopeBytesPer10kWorkflows() / 10_000;
    svg.line(
        x.at(0),
        y.at(memory.interceptBytes() / MIB),
        x.at(lastX),
        y.at((memory.interceptBytes() + slopePerWorkflow * lastX) / MIB),
        "#d62728",
        "4 3");
    svg.text(
        RIGHT,
        TOP - 6,
        String.format(
            java.util.Locale.ROOT,
            "fitted slope: %.3f MiB per 10,000 workflows",
            memory.slopeBytesPer10kWorkflows() / MIB),
        "end",
        12);
    return svg.render();
  }
}
