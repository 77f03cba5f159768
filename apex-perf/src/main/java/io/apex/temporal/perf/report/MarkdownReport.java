package io.apex.temporal.perf.report;

import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.scenario.BurstResult;
import io.apex.temporal.perf.scenario.ClosedLoopResult;
import io.apex.temporal.perf.scenario.HeapSample;
import io.apex.temporal.perf.scenario.MemoryResult;
import io.apex.temporal.perf.scenario.RampResult;
import io.apex.temporal.perf.scenario.RampStep;
import io.apex.temporal.perf.scenario.SequentialResult;
import io.apex.temporal.perf.target.TargetDescription;
import java.util.Locale;
import java.util.Map;

/** The report as a person reads it: verdict and floors first, then each scenario's table. */
public final class MarkdownReport {
  private static final double MIB = 1048576.0;

  private final StringBuilder out = new StringBuilder();

  private MarkdownReport() {}

  public static String render(PerfReport report) {
    return new MarkdownReport().write(report);
  }

  private String write(PerfReport report) {
    line("# Apex Temporal benchmark report");
    line("");
    line(
        "**"
            + (report.passed() ? "PASS" : "FAIL")
            + "**: profile `"
            + report.profile()
            + "`, target `"
            + report.settings().get("apex.perf.target")
            + "`, generated "
            + report.generatedAt()
            + ".");
    Machine machine = report.machine();
    line("");
    line(
        "Machine: "
            + machine.cores()
            + " cores, Java "
            + machine.javaVersion()
            + " ("
            + machine.javaVendor()
            + ", "
            + machine.vm()
            + "), "
            + machine.os()
            + ", max heap "
            + num(machine.maxHeapBytes() / MIB)
            + " MiB, GC "
            + String.join(" + ", machine.garbageCollectors())
            + ".");
    line("");
    line("## Floors");
    line("");
    line("| floor | rule | measured | verdict |");
    line("|---|---|---|---|");
    for (FloorCheck check : report.floors()) {
      line(
          "| "
              + check.name()
              + " | "
              + check.rule()
              + " | "
              + cell(check.measured())
              + " | "
              + check.verdict()
              + " |");
    }
    line("");
    line("![latency and throughput over time](timeline.svg)");
    sequential(report.sequential());
    lines(WhereTimeGoesSection.whereTheTimeGoes(report.whereTheTimeGoes()));
    closedLoop(report.closedLoop());
    ramp(report.ramp());
    burst(report.burst());
    memory(report.memory());
    lines(WhereTimeGoesSection.cpu(report.cpu()));
    targets(report);
    settings(report.settings());
    return out.toString();
  }

  private void sequential(SequentialResult result) {
    if (result == null) {
      return;
    }
    section("(a) Sequential latency, after warm-up");
    line("| workflows | failed | mean ms | p50 ms | p90 ms | p99 ms | max ms |");
    line("|---|---|---|---|---|---|---|");
    LatencySummary l = result.latency();
    line(
        "| "
            + result.completed()
            + " | "
            + result.failed()
            + " | "
            + num(l.meanMs())
            + " | "
            + num(l.p50Ms())
            + " | "
            + num(l.p90Ms())
            + " | "
            + num(l.p99Ms())
            + " | "
            + num(l.maxMs())
            + " |");
  }

  private void closedLoop(ClosedLoopResult result) {
    if (result == null) {
      return;
    }
    section("(b) Throughput, closed loop");
    line(
        "| concurrency | seconds | completed in window | failed | workflows/s | activities/s"
            + " | p50 ms | p90 ms | p99 ms | max ms |");
    line("|---|---|---|---|---|---|---|---|---|---|");
    LatencySummary l = result.latency();
    line(
        "| "
            + result.concurrency()
            + " | "
            + num(result.seconds())
            + " | "
            + result.completedInWindow()
            + " | "
            + result.failed()
            + " | "
            + num(result.workflowsPerSecond())
            + " | "
            + num(result.activitiesPerSecond())
            + " | "
            + num(l.p50Ms())
            + " | "
            + num(l.p90Ms())
            + " | "
            + num(l.p99Ms())
            + " | "
            + num(l.maxMs())
            + " |");
  }

  private void ramp(RampResult result) {
    if (result == null) {
      return;
    }
    section("(b) Throughput, open loop ramped");
    line(
        "Highest start rate with p99 under "
            + result.plan().p99BoundMs()
            + " ms: **"
            + result.highestPassingRate()
            + " workflows/s**"
            + (result.limitFound() ? "" : " (not the limit: every step passed)")
            + ". Stopped because: "
            + result.stoppedBecause()
            + ".");
    line("");
    line(
        "| rate/s | achieved starts/s | started | completed | failed | p50 ms | p90 ms"
            + " | p99 ms | max ms | verdict |");
    line("|---|---|---|---|---|---|---|---|---|---|");
    for (RampStep step : result.steps()) {
      LatencySummary l = step.latency();
      line(
          "| "
              + step.ratePerSecond()
              + " | "
              + num(step.achievedStartsPerSecond())
              + " | "
              + step.launched()
              + " | "
              + step.completed()
              + " | "
              + step.failed()
              + " | "
              + num(l.p50Ms())
              + " | "
              + num(l.p90Ms())
              + " | "
              + num(l.p99Ms())
              + " | "
              + num(l.maxMs())
              + " | "
              + cell(step.verdict())
              + " |");
    }
  }

  private void burst(BurstResult result) {
    if (result == null) {
      return;
    }
    section("(c) Workflows started at once");
    line(
        "| workflows | completed | failed | all started after s | all completed after s"
            + " | p50 ms | p99 ms | max ms |");
    line("|---|---|---|---|---|---|---|---|");
    LatencySummary l = result.latency();
    line(
        "| "
            + result.workflows()
            + " | "
            + result.completed()
            + " | "
            + result.failed()
            + " | "
            + num(result.allStartedSeconds())
            + " | "
            + num(result.allCompletedSeconds())
            + " | "
            + num(l.p50Ms())
            + " | "
            + num(l.p99Ms())
            + " | "
            + num(l.maxMs())
            + " |");
  }

  private void memory(MemoryResult result) {
    if (result == null) {
      return;
    }
    section("(d) Worker memory");
    if (!result.measured()) {
      line("Not measured: " + result.notMeasured() + ".");
      return;
    }
    line(
        "Server: "
            + result.server()
            + ". "
            + result.completed()
            + " workflows at concurrency "
            + result.concurrency()
            + " in "
            + num(result.seconds())
            + " s ("
            + num(result.workflowsPerSecond())
            + " workflows/s), heap sampled after a full GC every "
            + result.sampleEvery()
            + " workflows.");
    line("");
    line(
        "Fitted slope: **"
            + String.format(Locale.ROOT, "%.3f", result.slopeBytesPer10kWorkflows() / MIB)
            + " MiB per 10,000 workflows**; samples from "
            + num(result.minHeapBytes() / MIB)
            + " to "
            + num(result.maxHeapBytes() / MIB)
            + " MiB.");
    line("");
    line("![heap after GC](memory.svg)");
    line("");
    line("| workflows done | heap after GC, MiB |");
    line("|---|---|");
    for (HeapSample sample : result.samples()) {
      line("| " + sample.workflows() + " | " + num(sample.heapUsedBytes() / MIB) + " |");
    }
  }

  private void targets(PerfReport report) {
    section("Targets");
    line(
        "| phase | server | server settings | address | namespace | task queue"
            + " | worker in this JVM | worker limits |");
    line("|---|---|---|---|---|---|---|---|");
    for (TargetDescription target : report.targets()) {
      line(
          "| "
              + target.phase()
              + " | "
              + cell(target.server())
              + " | "
              + cell(String.valueOf(target.serverSettings()))
              + " | "
              + target.address()
              + " | "
              + target.namespace()
              + " | "
              + target.taskQueue()
              + " | "
              + target.workerInThisJvm()
              + " | "
              + (target.workerLimits() == null
                  ? "not known: the workers are other processes"
                  : cell(String.valueOf(target.workerLimits())))
              + " |");
    }
  }

  private void settings(Map<String, String> settings) {
    section("Settings");
    line("| setting | value |");
    line("|---|---|");
    settings.forEach((name, value) -> line("| " + name + " | " + cell(value) + " |"));
  }

  /** A section rendered elsewhere, after a blank line; nothing when it is empty. */
  private void lines(java.util.List<String> section) {
    if (section.isEmpty()) {
      return;
    }
    line("");
    section.forEach(this::line);
  }

  private void section(String title) {
    line("");
    line("## " + title);
    line("");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }
}
