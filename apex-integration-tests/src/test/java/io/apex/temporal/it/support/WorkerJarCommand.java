package io.apex.temporal.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command of the worker jar's command line ({@code java -jar apex-worker.jar ingest ...}) run
 * as an operator runs it, with the given settings and none inherited. Standard output and error are
 * kept apart, because the commands print their results on standard output.
 */
public final class WorkerJarCommand {
  private WorkerJarCommand() {}

  public record Result(int exitCode, String out, String err) {}

  public static Result run(Map<String, String> settings, Duration timeout, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ChildWorker.workerJar().toString()));
    command.addAll(List.of(args));
    try {
      Path directory = Files.createTempDirectory("apex-cli");
      Path out = directory.resolve("out.txt");
      Path err = directory.resolve("err.txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder
          .environment()
          .keySet()
          .removeIf(name -> name.startsWith("TEMPORAL_") || name.startsWith("APEX_"));
      builder.environment().putAll(settings);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "timed out after "
                + timeout.toSeconds()
                + " s: "
                + command
                + "\n"
                + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
