package io.apex.temporal.ingestion.internal;

import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A child process, run under the heap a test gives it: ingests every file of a folder at once
 * through the real activities and prints one line per file, {@code OK name} or {@code FAILED name
 * type: reason}, then {@code DONE}. A parse that took the heap would end the process instead.
 */
public final class HostileIngestion {
  private HostileIngestion() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.sorted().toList();
    }
    var settings = TestStores.settings(Path.of(args[1]));
    var pool = Executors.newFixedThreadPool(files.size());
    try (var components = IngestionParts.start(settings)) {
      var harness = new IngestionHarness(components);
      List<Future<String>> results = new ArrayList<>();
      for (Path file : files) {
        results.add(pool.submit(() -> outcome(harness, file)));
      }
      for (var result : results) {
        System.out.println(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println("DONE");
    System.out.flush();
  }

  private static String outcome(IngestionHarness harness, Path file) {
    String name = file.getFileName().toString();
    try {
      harness.ingest(file);
      return "OK " + name;
    } catch (ApplicationFailure e) {
      return "FAILED "
          + name
          + " "
          + e.getType()
          + (e.isNonRetryable() ? " non-retryable" : " retryable")
          + ": "
          + e.getOriginalMessage();
    }
  }
}
