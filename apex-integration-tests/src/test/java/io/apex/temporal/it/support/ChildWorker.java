package io.apex.temporal.it.support;

import io.apex.temporal.testkit.ChildProcess;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A worker in its own JVM, started from the shaded worker jar as an operator would run it, so that
 * tests can send it real signals: SIGTERM to drain, SIGKILL to crash.
 */
public final class ChildWorker implements AutoCloseable {
  private final ChildProcess process;

  private ChildWorker(ChildProcess process) {
    this.process = process;
  }

  /**
   * {@code java -jar apex-worker.jar ARGS} with the given settings and no inherited TEMPORAL_* or
   * APEX_*; the ingestion store is in the process's own directory and the API on a free port unless
   * the settings say otherwise.
   */
  public static ChildWorker jar(Map<String, String> settings, String... args) {
    return start(jarCommand(args), settings);
  }

  /**
   * The settings with the worker's API on a free port and {@code APEX_API_URL} naming it, so that
   * the jar's client commands (ingest, search, status) run with the same settings reach it.
   */
  public static Map<String, String> withOwnApi(Map<String, String> settings) {
    int port = FreePorts.next();
    Map<String, String> merged = new java.util.LinkedHashMap<>(settings);
    merged.put("APEX_API_PORT", String.valueOf(port));
    merged.put("APEX_API_URL", "http://127.0.0.1:" + port);
    return Map.copyOf(merged);
  }

  /** {@code java -jar apex-worker.jar ARGS}. */
  static List<String> jarCommand(String... args) {
    List<String> command =
        new ArrayList<>(List.of(ChildProcess.java(), "-jar", workerJar().toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** A fresh working directory for one child. */
  static Path workingDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
        List.of(ChildProcess.java(), "-cp", classpath, HeldActivityWorkerMain.class.getName()),
        settings);
  }

  private static ChildWorker start(List<String> command, Map<String, String> settings) {
    Path directory = workingDirectory("apex-child-worker");
    ChildProcess process =
        ChildProcess.command("worker process", command)
            .directory(directory)
            .log(directory.resolve("output.log"))
            .withoutInherited("TEMPORAL_", "APEX_")
            // The worker's ingestion store: its own, never the home directory's, unless a test
            // shares one.
            .environment("APEX_DATA_DIR", directory.resolve("data").toString())
            .environment("APEX_STORE_PORT", String.valueOf(FreePorts.next()))
            // Its memory service API on a free port, never the default 8080 another worker holds.
            .environment("APEX_API_PORT", String.valueOf(FreePorts.next()))
            // The tests ingest files they write under the temporary directory, and only those.
            .environment("APEX_INGEST_ROOTS", System.getProperty("java.io.tmpdir"))
            .environment(settings)
            .start();
    return new ChildWorker(process);
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
    process.terminate();
  }

  /** SIGKILL: the process dies without running any code of ours. */
  public void kill() throws InterruptedException {
    process.kill();
  }

  /** Waits for the process to exit and returns its status; fails if it does not in time. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    return process.awaitExit(timeout);
  }

  /** The process ID, which the SDK's default worker identity ({@code pid@host}) starts with. */
  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.alive();
  }

  public String output() {
    return process.output();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.alive()) {
      kill();
    }
  }
}
