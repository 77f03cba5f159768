package io.apex.temporal.perf.report;

import io.apex.temporal.perf.cpu.PhaseCpu;
import io.apex.temporal.perf.gaps.GapSummary;
import io.apex.temporal.perf.gaps.WhereTheTimeGoes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's "where the time goes" table (each stretch of a sampled sequential workflow) and the
 * CPU each load phase cost per workflow, as Markdown lines.
 */
final class WhereTimeGoesSection {
  private WhereTimeGoesSection() {}

  static List<String> whereTheTimeGoes(WhereTheTimeGoes gaps) {
    List<String> lines = new ArrayList<>();
    if (gaps == null) {
      return lines;
    }
    lines.add("## Where the time goes (sequential workflows)");
    lines.add("");
    lines.add(
        gaps.sampled()
            + " of the sequential workflows, spread over the scenario, read back"
            + " from the server: the client's start call, each gap between two consecutive history"
            + " events (server clock), and the result's way back to the client (same machine, same"
            + " clock). Workflow tasks are numbered.");
    lines.add("");
    lines.add("| stretch | samples | p50 ms | p90 ms | max ms |");
    lines.add("|---|---|---|---|---|");
    for (GapSummary gap : gaps.gaps()) {
      lines.add(
          "| "
              + gap.name()
              + " | "
              + gap.samples()
              + " | "
              + ms(gap.p50Ms())
              + " | "
              + ms(gap.p90Ms())
              + " | "
              + ms(gap.maxMs())
              + " |");
    }
    if (!gaps.failures().isEmpty()) {
      lines.add("");
      lines.add("Histories not read: " + String.join("; ", gaps.failures()).replace("|", "\\|"));
    }
    return lines;
  }

  static List<String> cpu(List<PhaseCpu> phases) {
    List<String> lines = new ArrayList<>();
    if (phases == null || phases.isEmpty()) {
      return lines;
    }
    lines.add("## CPU per workflow");
    lines.add("");
    lines.add(
        "CPU time (user + system, from each process's own counters) per workflow started in"
            + " the phase. The benchmark JVM holds the worker under test and the load generator (and,"
            + " on the embedded target's throughput phase, the Java test server); the server column"
            + " is the dev server process, when the benchmark started one.");
    lines.add("");
    lines.add(
        "| phase | workflows | seconds | benchmark JVM CPU ms | per workflow ms"
            + " | server CPU ms | per workflow ms |");
    lines.add("|---|---|---|---|---|---|---|");
    for (PhaseCpu phase : phases) {
      lines.add(
          "| "
              + phase.phase()
              + " | "
              + phase.workflows()
              + " | "
              + String.format(Locale.ROOT, "%.1f", phase.seconds())
              + " | "
              + known(phase.benchmarkJvmCpuMs())
              + " | "
              + known(phase.benchmarkJvmCpuMsPerWorkflow())
              + " | "
              + known(phase.serverCpuMs())
              + " | "
              + known(phase.serverCpuMsPerWorkflow())
              + " |");
    }
    return lines;
  }

  private static String known(double value) {
    return value < 0 ? "not measured" : ms(value);
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }
}
