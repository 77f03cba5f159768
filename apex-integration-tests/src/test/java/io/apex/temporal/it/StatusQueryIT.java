package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.HeldActivity;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingStatus;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

abstract class StatusQueryIT extends IntegrationTest {

  @Test
  void statusSaysRunningActivityWhileItRunsAndCompletedWithTheGreetingAfter() throws Exception {
    String queue = uniqueQueue("status");
    HeldActivity held = new HeldActivity();
    startWorker(queue, WorkflowCatalog.standard().withActivities(held));
    GreetingWorkflow workflow = greeting(queue, queue);
    WorkflowClient.start(workflow::greet, "Status");
    held.awaitStarted(1, Duration.ofSeconds(20));

    assertThat(workflow.status()).isEqualTo(GreetingStatus.runningActivity());

    held.release();
    String greeting = WorkflowStub.fromTyped(workflow).getResult(String.class);
    assertThat(workflow.status())
        .isEqualTo(
            GreetingStatus.completed(
                "Hello, Status! Welcome to Apex Memory System with Temporal.io!"));
    assertThat(workflow.status().greeting()).isEqualTo(greeting);
  }

  @DisplayName("status query on the embedded Java test server")
  static class OnEmbeddedServer extends StatusQueryIT {
    @Override
    protected TemporalTarget newTarget() {
      return embeddedServer();
    }
  }

  @DisplayName("status query on temporal server start-dev")
  static class OnDevServer extends StatusQueryIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }
  }
}
