package io.apex.temporal.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A program a test runs in a process of its own: started with its output in a log file, awaited
 * until it listens on a port or prints a line (failing with the log's tail if it exits or time runs
 * out first), and stopped with SIGTERM, then SIGKILL, and reaped. A JVM that ends without stopping
 * it stops it from a shutdown hook, so no child outlives the test run and holds its ports.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final int TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final ProcessOutput output;
  private final Optional<ProcessOutput> errors;
  private final boolean ownsLog;
  private final Thread exitHook;

  private ChildProcess(
      String name,
      Process process,
      ProcessOutput output,
      Optional<ProcessOutput> errors,
      boolean ownsLog) {
    this.name = name;
    this.process = process;
    this.output = output;
    this.errors = errors;
    this.ownsLog = ownsLog;
    this.exitHook = new Thread(process::destroyForcibly, "reaper of " + name);
    Runtime.getRuntime().addShutdownHook(exitHook);
  }

  /** A command to run; {@code name} says what it is in logs and failure messages. */
  public static Builder command(String name, List<String> command) {
    return new Builder(name, command);
  }

  /** The {@code java} of this JVM, for a child JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Waits until something listens on the loopback port; stops the process and fails otherwise. */
  public ChildProcess awaitPort(int port, Duration timeout) {
    return awaitReady("listen on port " + port, timeout, () -> PortProbe.listening(port));
  }

  /** Waits until the output has a line containing {@code text}; stops it and fails otherwise. */
  public ChildProcess awaitLine(String text, Duration timeout) {
    return awaitReady(
        "print a line with '" + text + "'",
        timeout,
        () -> output.text().lines().anyMatch(line -> line.contains(text)));
  }

  /**
   * Waits until {@code ready} holds; if the process exits first, or time runs out, stops it and
   * fails with what it was waiting for and the tail of the log.
   */
  public ChildProcess awaitReady(String what, Duration timeout, BooleanSupplier ready) {
    boolean settled = Deadline.await(timeout, () -> !process.isAlive() || ready.getAsBoolean());
    if (settled && process.isAlive()) {
      return this;
    }
    String reason =
        settled
            ? "exited with status " + process.exitValue()
            : "did not " + what + " within " + timeout.toSeconds() + " s";
    stop();
    throw new IllegalStateException(
        name + " " + reason + " (waiting to " + what + "); its log ends:\n" + tail(TAIL_LINES));
  }

  /** SIGTERM, as an orchestrator stops a container; the process may still be running after. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL, then waits for the process to be gone: it runs none of its own code. */
  public void kill() {
    process.destroyForcibly();
    waitQuietly(KILL_WAIT);
    forgetExitHook();
  }

  /**
   * SIGTERM, then SIGKILL if the process is still running after {@code grace}; returns once it is
   * reaped.
   */
  public void stop(Duration grace) {
    if (process.isAlive()) {
      process.destroy();
      if (!waitQuietly(grace)) {
        process.destroyForcibly();
        waitQuietly(KILL_WAIT);
      }
    }
    forgetExitHook();
  }

  public void stop() {
    stop(STOP_GRACE);
  }

  /** Waits for the process to exit and returns its status; fails with its log if it does not. */
  public int awaitExit(Duration timeout) {
    if (!waitQuietly(timeout)) {
      throw new AssertionError(
          name
              + " still running after "
              + timeout.toSeconds()
              + " s; its log ends:\n"
              + tail(TAIL_LINES));
    }
    forgetExitHook();
    return process.exitValue();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** The CPU time the process has used so far, when the operating system reports it. */
  public Optional<Duration> cpuTime() {
    return process.toHandle().info().totalCpuDuration();
  }

  /** Everything the process printed (standard error too, unless kept apart). */
  public String output() {
    return output.text();
  }

  /** Standard error, when the builder kept it apart from standard output; empty otherwise. */
  public String errors() {
    return errors.map(ProcessOutput::text).orElse("");
  }

  public String tail(int lines) {
    return output.tail(lines) + errors.map(e -> "\n(stderr)\n" + e.tail(lines)).orElse("");
  }

  public Path logFile() {
    return output.file();
  }

  /** Stops the process and deletes its log if this object created the log. */
  @Override
  public void close() {
    stop();
    if (ownsLog) {
      output.file().toFile().delete();
      errors.ifPresent(e -> e.file().toFile().delete());
    }
  }

  private boolean waitQuietly(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return false;
    }
  }

  private void forgetExitHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook runs, and finds the process gone.
    }
  }

  /** What {@link Builder#run} saw: exit status, output (and standard error when kept apart). */
  public record Finished(int exitCode, String output, String errors) {}

  /** How to start the process: its directory, environment and log. */
  public static final class Builder {
    private final String name;
    private final List<String> command;
    private Path directory;
    private Path log;
    private boolean separateErrors;
    private boolean clearEnvironment;
    private Predicate<String> removed = variable -> false;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder(String name, List<String> command) {
      this.name = name;
      this.command = new ArrayList<>(command);
    }

    public Builder directory(Path directory) {
      this.directory = directory;
      return this;
    }

    /** Where the output goes (appended); a temporary file, deleted on close, if not given. */
    public Builder log(Path log) {
      this.log = log;
      return this;
    }

    /** Keeps standard error in a file of its own, for commands that print results on stdout. */
    public Builder separateErrors() {
      this.separateErrors = true;
      return this;
    }

    /** Starts from an environment of only {@code PATH} instead of this JVM's. */
    public Builder clearEnvironment() {
      this.clearEnvironment = true;
      return this;
    }

    /** Leaves out the inherited variables whose names start with any of the prefixes. */
    public Builder withoutInherited(String... prefixes) {
      Predicate<String> before = removed;
      removed =
          variable ->
              before.test(variable) || List.of(prefixes).stream().anyMatch(variable::startsWith);
      return this;
    }

    public Builder environment(String variable, String value) {
      environment.put(variable, value);
      return this;
    }

    public Builder environment(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /** Starts the process; its standard input is empty. */
    public ChildProcess start() {
      boolean ownsLog = log == null;
      try {
        Path outputFile =
            ownsLog ? Files.createTempFile("apex-" + fileSafe(name) + "-", ".log") : log;
        Optional<Path> errorFile =
            separateErrors
                ? Optional.of(Files.createTempFile("apex-" + fileSafe(name) + "-", ".err"))
                : Optional.empty();
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (errorFile.isPresent()) {
          builder.redirectError(errorFile.get().toFile());
        } else {
          builder.redirectErrorStream(true);
        }
        if (directory != null) {
          builder.directory(directory.toFile());
        }
        Map<String, String> variables = builder.environment();
        if (clearEnvironment) {
          String path = variables.get("PATH");
          variables.clear();
          if (path != null) {
            variables.put("PATH", path);
          }
        }
        variables.keySet().removeIf(removed);
        variables.putAll(environment);
        return new ChildProcess(
            name,
            builder.start(),
            new ProcessOutput(outputFile),
            errorFile.map(ProcessOutput::new),
            ownsLog);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start " + name + " (" + command + ")", e);
      }
    }

    /**
     * Runs the command to completion and returns its status and output; kills it and fails when it
     * runs longer than {@code timeout}.
     */
    public Finished run(Duration timeout) {
      try (ChildProcess child = start()) {
        int exitCode;
        try {
          exitCode = child.awaitExit(timeout);
        } catch (AssertionError e) {
          child.kill();
          throw new IllegalStateException(
              "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command), e);
        }
        return new Finished(exitCode, child.output(), child.errors());
      }
    }

    private static String fileSafe(String text) {
      return text.replaceAll("[^A-Za-z0-9.-]+", "-");
    }
  }
}
