package io.apex.temporal.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.config.WorkerLimits;
import io.apex.temporal.perf.cpu.PhaseCpu;
import io.apex.temporal.perf.gaps.GapSummary;
import io.apex.temporal.perf.gaps.WhereTheTimeGoes;
import io.apex.temporal.perf.load.TimelinePoint;
import io.apex.temporal.perf.scenario.RunResults;
import io.apex.temporal.perf.settings.PerfSettingsParser;
import io.apex.temporal.perf.target.TargetDescription;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportRenderingTest {

  private static PerfReport report() {
    RunResults results = Results.healthy();
    List<FloorCheck> floors = Floors.check(results);
    List<TimelinePoint> timeline =
        List.of(
            new TimelinePoint(1, 1, "warm-up", 40, 0, 40, 20, 40, 80, 90),
            new TimelinePoint(2, 1, "closed loop", 150, 0, 150, 25, 50, 120, 300),
            new TimelinePoint(3, 1, "closed loop", 0, 0, 0, 0, 0, 0, 0),
            new TimelinePoint(4, 1, "burst <&>", 90, 1, 90, 3000, 5000, 6000, 6100));
    Map<String, String> settings =
        io.apex.temporal.perf.report.SettingsView.of(
            new PerfSettingsParser(Map.of(), Map.of()).parse().settings().orElseThrow());
    return new PerfReport(
        "2026-01-01T00:00:00Z",
        "short",
        Floors.passed(floors),
        Machine.current(),
        settings,
        List.of(
            new TargetDescription(
                "embedded",
                "throughput",
                "Java test server",
                "127.0.0.1:1234",
                "default",
                "apex-perf-x",
                false,
                true,
                new WorkerLimits(100, 200, 2, 2, 600),
                "tuned: history.transferProcessorMaxPollRPS=1000")),
        results.warmUp(),
        results.sequential(),
        results.closedLoop(),
        results.ramp(),
        results.burst(),
        results.memory(),
        floors,
        timeline,
        new WhereTheTimeGoes(
            50,
            List.of(
                new GapSummary(
                    "WorkflowTaskScheduled#1 -> WorkflowTaskStarted#1", 50, 1.25, 2.5, 4),
                new GapSummary(
                    "close recorded -> result at the client (long poll)", 50, 0.8, 1.1, 3)),
            List.of()),
        List.of(
            new PhaseCpu("closed loop", 1500, 10.0, 6000, 4, 9000, 6),
            new PhaseCpu("sequential", 200, 4.0, 800, 4, -1, -1)));
  }

  private static Document xml(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theTimelineChartIsWellFormedSvgWithALineForEachPercentileAndThroughput() throws Exception {
    Document svg = xml(TimelineChart.render("run", report().timeline()));

    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    // p50, p90, p99 and max break at the empty interval; throughput does not.
    assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(4 * 2 + 1);
  }

  @Test
  void scenarioNamesAreEscapedInTheChart() throws Exception {
    String svg = TimelineChart.render("run", report().timeline());

    assertThat(svg).contains("burst &lt;&amp;&gt;");
    xml(svg);
  }

  @Test
  void anEmptyTimelineStillRendersAChartThatSaysSo() throws Exception {
    String svg = TimelineChart.render("run", List.of());

    assertThat(svg).contains("no workflows completed");
    xml(svg);
  }

  @Test
  void theMemoryChartIsWellFormedSvgWithOneDotPerSample() throws Exception {
    Document svg = xml(MemoryChart.render("heap", report().memory()));

    assertThat(svg.getElementsByTagName("circle").getLength())
        .isEqualTo(report().memory().samples().size());
  }

  @Test
  void theMarkdownReportLeadsWithTheVerdictAndQuotesEachScenariosFigures() {
    String markdown = MarkdownReport.render(report());

    assertThat(markdown).startsWith("# Apex Temporal benchmark report\n\n**PASS**");
    assertThat(markdown)
        .contains(
            "## (a) Sequential latency",
            "| 100 | 0 | 15.00 | 15.00 | 30.00 |",
            "## (b) Throughput, closed loop",
            "## (b) Throughput, open loop ramped",
            "**50 workflows/s**",
            "## (c) Workflows started at once",
            "## (d) Worker memory",
            "![latency and throughput over time](timeline.svg)",
            "| apex.perf.profile | short |");
  }

  @Test
  void theMarkdownReportShowsWhereTheTimeGoesCpuPerWorkflowAndTheServerSettings() {
    String markdown = MarkdownReport.render(report());

    assertThat(markdown)
        .contains(
            "## Where the time goes (sequential workflows)",
            "| WorkflowTaskScheduled#1 -> WorkflowTaskStarted#1 | 50 | 1.25 | 2.50 | 4.00 |",
            "| close recorded -> result at the client (long poll) | 50 | 0.80 | 1.10 | 3.00 |",
            "## CPU per workflow",
            "| closed loop | 1500 | 10.0 | 6000 | 4.00 | 9000 | 6.00 |",
            "| sequential | 200 | 4.0 | 800 | 4.00 | not measured | not measured |",
            "| throughput | Java test server | tuned: history.transferProcessorMaxPollRPS=1000 |");
  }

  @Test
  void theWriterWritesJsonMarkdownAndBothCharts(@TempDir Path directory) throws Exception {
    List<Path> files = new ReportWriter(directory).write(report());

    assertThat(files)
        .extracting(path -> path.getFileName().toString())
        .containsExactly("report.json", "report.md", "timeline.svg", "memory.svg");
    String json = Files.readString(directory.resolve("report.json"));
    assertThat(json)
        .contains(
            "\"passed\" : true",
            "\"cores\" :",
            "\"javaVersion\" :",
            "\"apex.perf.target\" : \"embedded\"",
            "\"p90Ms\" :",
            "\"slopeBytesPer10kWorkflows\" :");
  }
}
