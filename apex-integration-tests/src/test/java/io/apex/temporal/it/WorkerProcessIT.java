package io.apex.temporal.it;

import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.ChildWorker;
import io.apex.temporal.it.support.Histories;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker jar as a child process, stopped by real signals. */
abstract class WorkerProcessIT extends IntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

  private Map<String, String> settings(String queue) {
    return new HashMap<>(
        SettingsMap.forServer(target)
            .with("TEMPORAL_TASK_QUEUE", queue)
            .with("TEMPORAL_DRAIN_TIMEOUT", DRAIN_TIMEOUT.toSeconds() + "s")
            .variables());
  }

  /**
   * What the worker's last line must say: a clean drain only where the server completes polls on
   * worker shutdown; elsewhere that polls in flight were cut off.
   */
  private String stoppedLine() {
    boolean gracefulPolls =
        client()
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeNamespace(
                DescribeNamespaceRequest.newBuilder()
                    .setNamespace(client().getOptions().getNamespace())
                    .build())
            .getNamespaceInfo()
            .getCapabilities()
            .getWorkerPollCompleteOnShutdown();
    return gracefulPolls
        ? "worker stopped: clean drain"
        : "worker stopped: every task it had taken finished; polls in flight were cut off";
  }

  @Test
  void workerJarServesGreetingsAndExitsZeroOnSigterm() throws Exception {
    String queue = uniqueQueue("jar");
    try (ChildWorker child = ChildWorker.jar(settings(queue))) {
      Deadline.require(
          WAIT,
          "the worker jar to poll\n" + child.output(),
          () -> child.output().contains("worker ready"));

      assertThat(greeting(queue, queue).greet("Jar"))
          .isEqualTo("Hello, Jar! Welcome to Apex Memory System with Temporal.io!");

      child.terminate();
      assertThat(child.awaitExit(WAIT)).as(child.output()).isZero();
      assertThat(child.output())
          .contains(
              "SIGTERM received: stopping worker", "drained task queue " + queue, stoppedLine());
    }
  }

  @Test
  void sigtermWhileAnActivityRunsFinishesTheActivityAndExitsZero(@TempDir Path markers)
      throws Exception {
    String queue = uniqueQueue("sigterm");
    Map<String, String> settings = settings(queue);
    settings.put("APEX_IT_MARKER_DIR", markers.toString());
    try (ChildWorker child = ChildWorker.heldActivity(settings)) {
      GreetingWorkflow workflow = greeting(queue, queue);
      WorkflowClient.start(workflow::greet, "Sigterm");
      Deadline.require(
          WAIT,
          "the child's activity to start\n" + child.output(),
          () -> Files.exists(markers.resolve(queue + ".started")));

      long signalled = System.nanoTime();
      child.terminate();
      Deadline.require(
          WAIT,
          "the child to start draining",
          () -> child.output().contains("draining task queue " + queue));
      assertThat(child.alive()).isTrue();
      Files.writeString(markers.resolve(queue + ".release"), "");

      assertThat(child.awaitExit(DRAIN_TIMEOUT.plusSeconds(10))).as(child.output()).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(DRAIN_TIMEOUT);
      assertThat(markers.resolve(queue + ".completed")).exists();
      assertThat(child.output()).contains(stoppedLine());

      // The activity's result reached the server; any worker finishes the workflow with it.
      startWorker(queue, WorkflowCatalog.standard());
      assertThat(
              WorkflowStub.fromTyped(workflow)
                  .getResultAsync(String.class)
                  .get(60, TimeUnit.SECONDS))
          .isEqualTo("Hello, Sigterm! Welcome to Apex Memory System with Temporal.io!");
      assertThat(Histories.activityAttempts(client(), queue)).containsExactly(1);
      assertThat(Histories.count(client(), queue, EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED))
          .isEqualTo(1);
    }
  }

  @DisplayName("worker process on the embedded Java test server")
  static class OnEmbeddedServer extends WorkerProcessIT {
    @Override
    protected TemporalTarget newTarget() {
      return embeddedServer();
    }
  }

  @DisplayName("worker process on temporal server start-dev")
  static class OnDevServer extends WorkerProcessIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }
  }
}
