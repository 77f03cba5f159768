package io.apex.temporal.perf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes report.json, report.md, timeline.svg and (when memory was measured) memory.svg. */
public final class ReportWriter {
  private final Path directory;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ReportWriter(Path directory) {
    this.directory = directory;
  }

  /** Returns the files written. */
  public List<Path> write(PerfReport report) throws IOException {
    Files.createDirectories(directory);
    Path jsonFile = directory.resolve("report.json");
    json.writeValue(jsonFile.toFile(), report);
    Path markdown = write("report.md", MarkdownReport.render(report));
    String title =
        "Apex Temporal benchmark: "
            + report.settings().get("apex.perf.target")
            + " target, "
            + report.profile()
            + " profile";
    Path timeline = write("timeline.svg", TimelineChart.render(title, report.timeline()));
    if (report.memory() != null && report.memory().measured()) {
      Path memory =
          write(
              "memory.svg",
              MemoryChart.render(
                  "Worker heap after GC: " + report.memory().server(), report.memory()));
      return List.of(jsonFile, markdown, timeline, memory);
    }
    // A chart left by an earlier run must not pass for this run's.
    Files.deleteIfExists(directory.resolve("memory.svg"));
    return List.of(jsonFile, markdown, timeline);
  }

  private Path write(String name, String content) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
