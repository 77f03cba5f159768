package io.apex.temporal.it.support;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfigLoader;
import io.apex.temporal.testkit.HeldActivity;
import io.apex.temporal.worker.internal.cli.ExitCodes;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingActivities;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The worker process of the worker jar, with a greeting activity that a test controls through
 * marker files in {@code APEX_IT_MARKER_DIR}: it adds a line to {@code <workflowId>.started} per
 * call, waits for {@code <workflowId>.release}, then writes {@code <workflowId>.completed} and
 * returns.
 */
public final class HeldActivityWorkerMain {
  private HeldActivityWorkerMain() {}

  public static void main(String[] args) throws Exception {
    ConfigLoadResult settings = TemporalConfigLoader.fromProcess().load();
    if (!settings.valid()) {
      settings.problems().forEach(problem -> System.err.println(problem.message()));
      System.exit(ExitCodes.BAD_SETTINGS);
    }
    Path markers = Path.of(System.getenv("APEX_IT_MARKER_DIR"));
    HeldActivity held =
        HeldActivity.releasedWhen(() -> Files.exists(markers.resolve(workflowId() + ".release")));
    GreetingActivities marked =
        name -> {
          String workflowId = workflowId();
          appendLine(markers.resolve(workflowId + ".started"));
          String greeting = held.greet(name);
          touch(markers.resolve(workflowId + ".completed"));
          return greeting;
        };
    WorkflowCatalog catalog = WorkflowCatalog.standard().withActivities(marked);
    System.exit(
        ExitCodes.after(
            new WorkerRuntime(settings.config().orElseThrow(), catalog).runUntilSignalled()));
  }

  private static String workflowId() {
    return Activity.getExecutionContext().getInfo().getWorkflowId();
  }

  private static void appendLine(Path file) {
    try {
      Files.writeString(file, "started\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void touch(Path file) {
    try {
      Files.writeString(file, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
