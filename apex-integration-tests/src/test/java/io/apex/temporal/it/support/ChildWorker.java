package io.apex.temporal.it.support;

import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.ProcessOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A worker in its own JVM, started from the shaded worker jar as an operator would run it, so that
 * tests can send it real signals: SIGTERM to drain, SIGKILL to crash.
 */
public final class ChildWorker implements AutoCloseable {
  private final Process process;
  private final ProcessOutput output;

  private ChildWorker(Process process, ProcessOutput output) {
    this.process = process;
    this.output = output;
  }

  /**
   * {@code java -jar apex-worker.jar ARGS} with the given settings and no inherited TEMPORAL_* or
   * APEX_*; the ingestion store is in the process's own directory unless the settings say
   * otherwise.
   */
  public static ChildWorker jar(Map<String, String> settings, String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", workerJar().toString()));
    command.addAll(List.of(args));
    return start(command, settings);
  }

  /**
   * The worker jar's runtime and signal handling with {@link HeldActivityWorkerMain}'s activity,
   * which holds each call open until the test releases it through a marker file.
   */
  public static ChildWorker heldActivity(Map<String, String> settings) {
    String classpath =
        String.join(
            java.io.File.pathSeparator,
            workerJar().toString(),
            locationOf(HeldActivityWorkerMain.class),
            locationOf(Deadline.class));
    return start(
        List.of(java(), "-cp", classpath, HeldActivityWorkerMain.class.getName()), settings);
  }

  private static ChildWorker start(List<String> command, Map<String, String> settings) {
    try {
      Path directory = Files.createTempDirectory("apex-child-worker");
      ProcessOutput output = new ProcessOutput(directory.resolve("output.log"));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.file().toFile());
      builder
          .environment()
          .keySet()
          .removeIf(name -> name.startsWith("TEMPORAL_") || name.startsWith("APEX_"));
      // The worker's ingestion store: its own, never the home directory's, unless a test shares
      // one.
      builder.environment().put("APEX_DATA_DIR", directory.resolve("data").toString());
      builder.environment().put("APEX_STORE_PORT", String.valueOf(FreePorts.next()));
      builder.environment().putAll(settings);
      return new ChildWorker(builder.start(), output);
    } catch (IOException e) {
      throw new IllegalStateException("could not start a worker process: " + e.getMessage(), e);
    }
  }

  public static Path workerJar() {
    String jar = System.getProperty("apex.worker.jar", "");
    Path path = Path.of(jar);
    if (jar.isEmpty() || !Files.isRegularFile(path)) {
      throw new IllegalStateException(
          "the shaded worker jar is missing ("
              + jar
              + "); run the"
              + " tests through Maven, which copies it to target/worker");
    }
    return path;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The jar or class folder a class was loaded from. */
  private static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM, as an orchestrator stops a container. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL: the process dies without running any code of ours. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits for the process to exit and returns its status; fails if it does not in time. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "worker process still running after "
              + timeout.toSeconds()
              + " s; its output:\n"
              + output.tail(40));
    }
    return process.exitValue();
  }

  /** The process ID, which the SDK's default worker identity ({@code pid@host}) starts with. */
  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public String output() {
    return output.text();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
