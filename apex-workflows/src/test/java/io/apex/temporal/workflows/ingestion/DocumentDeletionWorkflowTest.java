package io.apex.temporal.workflows.ingestion;

import static io.apex.temporal.workflows.ingestion.ScriptedActivities.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.internal.ingestion.DocumentDeletionWorkflowImpl;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentDeletionWorkflowTest {
  private static final String TASK_QUEUE = "deletion-test";

  private TestWorkflowEnvironment env;
  private final ScriptedActivities activities = new ScriptedActivities();

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        WorkflowCatalog.standard().implementationOptions(), DocumentDeletionWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  private DocumentDeletionWorkflow workflow(String documentId) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            DocumentDeletionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowId(DocumentDeletionWorkflow.workflowId(documentId))
                .build());
  }

  @Test
  void aDeletionThatFailsIsRetriedUntilItSucceedsOnce() {
    activities.failingTimes("delete_document", 4, transientFailure("store unreachable"));

    DeletionResult result = workflow("d0c").delete(new DeletionRequest("d0c"));

    assertThat(result).isEqualTo(new DeletionResult("d0c", true));
    assertThat(activities.attempts("delete_document")).isEqualTo(5);
  }

  @Test
  void aRequestWithoutADocumentIdFailsAtOnceWithoutDeletingAnything() {
    assertThatThrownBy(() -> workflow("blank").delete(new DeletionRequest(" ")))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("expected a DeletionRequest {\"documentId\": non-empty}");
    assertThat(activities.attempts("delete_document")).isZero();
  }
}
