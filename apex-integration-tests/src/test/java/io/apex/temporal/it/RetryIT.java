package io.apex.temporal.it;

import static io.temporal.api.enums.v1.EventType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.it.support.Histories;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingActivities;
import io.apex.temporal.workflows.internal.greeting.GreetingActivitiesImpl;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

abstract class RetryIT extends IntegrationTest {

  @Test
  void activityThatFailsTwiceThenSucceedsCompletesOnTheThirdAttempt() throws Exception {
    String queue = uniqueQueue("flaky");
    AtomicInteger calls = new AtomicInteger();
    GreetingActivities failsTwice =
        name -> {
          if (calls.incrementAndGet() <= 2) {
            throw ApplicationFailure.newFailure("transient failure " + calls.get(), "Transient");
          }
          return GreetingActivitiesImpl.greeting(name);
        };
    startWorker(queue, WorkflowCatalog.standard().withActivities(failsTwice));

    assertThat(greeting(queue, queue).greet("Retry"))
        .isEqualTo("Hello, Retry! Welcome to Apex Memory System with Temporal.io!");
    assertThat(calls).hasValue(3);
    assertThat(Histories.activityAttempts(client(), queue)).containsExactly(3);
    assertThat(Histories.count(client(), queue, EVENT_TYPE_ACTIVITY_TASK_FAILED)).isZero();
    assertThat(Histories.count(client(), queue, EVENT_TYPE_ACTIVITY_TASK_COMPLETED)).isEqualTo(1);
  }

  @Test
  void activityThatAlwaysFailsFailsTheWorkflowAfterThreeAttempts() throws Exception {
    String queue = uniqueQueue("broken");
    AtomicInteger calls = new AtomicInteger();
    GreetingActivities alwaysFails =
        name -> {
          calls.incrementAndGet();
          throw ApplicationFailure.newFailure("permanent failure", "Broken");
        };
    startWorker(queue, WorkflowCatalog.standard().withActivities(alwaysFails));

    assertThatThrownBy(() -> greeting(queue, queue).greet("Never"))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("permanent failure");
    assertThat(calls).hasValue(3);
    assertThat(Histories.activityAttempts(client(), queue)).containsExactly(3);
    assertThat(Histories.count(client(), queue, EVENT_TYPE_ACTIVITY_TASK_FAILED)).isEqualTo(1);
    assertThat(Histories.count(client(), queue, EVENT_TYPE_WORKFLOW_EXECUTION_FAILED)).isEqualTo(1);
  }

  @DisplayName("retries on the embedded Java test server")
  static class OnEmbeddedServer extends RetryIT {
    @Override
    protected TemporalTarget newTarget() {
      return embeddedServer();
    }
  }

  @DisplayName("retries on temporal server start-dev")
  static class OnDevServer extends RetryIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }
  }
}
