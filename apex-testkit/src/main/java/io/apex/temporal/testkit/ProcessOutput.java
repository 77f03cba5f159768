package io.apex.temporal.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A child process's combined output, kept in a file so a failing test can show it. */
public record ProcessOutput(Path file) {

  public String text() {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }

  /** The last lines, for an error message. */
  public String tail(int lines) {
    String[] all = text().split("\n");
    int from = Math.max(0, all.length - lines);
    return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
  }
}
