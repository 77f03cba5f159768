package io.apex.temporal.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a finished command printed and its exit status. */
public record CliResult(int exitCode, String output) {

  /** Runs a command to completion (stdout and stderr together), killing it after the timeout. */
  public static CliResult run(List<String> command, Duration timeout) {
    Path outputFile = null;
    try {
      outputFile = Files.createTempFile("apex-cli-", ".out");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(outputFile.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
      }
      return new CliResult(
          process.exitValue(), Files.readString(outputFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command.get(0), e);
    } finally {
      if (outputFile != null) {
        outputFile.toFile().delete();
      }
    }
  }
}
