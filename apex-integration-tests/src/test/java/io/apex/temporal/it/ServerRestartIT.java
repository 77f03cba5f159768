package io.apex.temporal.it;

import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.Histories;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.HeldActivity;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The server stops with work in flight and comes back on the same database file. */
@DisplayName("server restart on temporal server start-dev with a SQLite file")
class ServerRestartIT extends IntegrationTest {
  private static final int WORKFLOWS = 10;

  @Override
  protected TemporalTarget newTarget() {
    try {
      Path directory = Files.createTempDirectory("apex-server-restart");
      return new DevServerTarget(Optional.of(directory.resolve("temporal.db")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Exactly once across the restart: each held activity ran once and its completion, sent after the
   * restart, was accepted on its first attempt. A completion lost with the restart would show up as
   * a second attempt after the 10 s start-to-close timeout and a second start here.
   */
  @Test
  void everyWorkflowInFlightCompletesExactlyOnceAfterTheServerRestartsOnTheSameFile()
      throws Exception {
    String queue = uniqueQueue("server-restart");
    HeldActivity held = new HeldActivity();
    startWorker(queue, WorkflowCatalog.standard().withActivities(held));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < WORKFLOWS; i++) {
      String id = queue + "-" + i;
      WorkflowClient.start(greeting(queue, id)::greet, "Survivor " + i);
      ids.add(id);
    }
    held.awaitStarted(WORKFLOWS, Duration.ofSeconds(30));

    target.stop();
    target.start();
    held.release();

    List<CompletableFuture<String>> results = new ArrayList<>();
    for (String id : ids) {
      GreetingWorkflow workflow = client().newWorkflowStub(GreetingWorkflow.class, id);
      results.add(WorkflowStub.fromTyped(workflow).getResultAsync(String.class));
    }
    CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
    for (int i = 0; i < WORKFLOWS; i++) {
      assertThat(results.get(i).join())
          .isEqualTo("Hello, Survivor " + i + "! Welcome to Apex Memory System with Temporal.io!");
      assertThat(Histories.count(client(), ids.get(i), EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED))
          .isEqualTo(1);
      assertThat(Histories.count(client(), ids.get(i), EVENT_TYPE_ACTIVITY_TASK_COMPLETED))
          .as("activity completions of %s", ids.get(i))
          .isEqualTo(1);
      assertThat(Histories.activityAttempts(client(), ids.get(i)))
          .as("activity attempts of %s", ids.get(i))
          .containsExactly(1);
    }
    // Counted after every workflow closed: a late duplicate start would have had its chance.
    assertThat(held.started()).isEqualTo(WORKFLOWS);
    assertThat(held.completed()).isEqualTo(WORKFLOWS);
    assertThat(held.interrupted()).isZero();
  }
}
