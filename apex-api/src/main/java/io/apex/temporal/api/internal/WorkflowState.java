package io.apex.temporal.api.internal;

import io.apex.temporal.workflows.ingestion.IngestionResult;
import io.apex.temporal.workflows.ingestion.IngestionSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What Temporal says of a document's workflow, without a worker: whether it runs and at which stage
 * (the {@code IngestionStatus} search attribute), or how it ended and why.
 */
public final class WorkflowState {
  /** A workflow's state: running (with its stage, if it reported one yet) or closed. */
  public record Seen(boolean running, Optional<String> stage, boolean failed, String reason) {}

  private final WorkflowClient client;

  public WorkflowState(WorkflowClient client) {
    this.client = client;
  }

  /** Empty when no workflow of this ID exists. */
  public Optional<Seen> of(String workflowId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    WorkflowExecutionDescription description;
    try {
      description = stub.describe();
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    WorkflowExecutionStatus status = description.getStatus();
    if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      String stage =
          description.getTypedSearchAttributes().get(IngestionSearchAttributes.INGESTION_STATUS);
      return Optional.of(new Seen(true, Optional.ofNullable(stage), false, null));
    }
    if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      return Optional.of(new Seen(false, Optional.of("completed"), false, null));
    }
    return Optional.of(new Seen(false, Optional.of("failed"), true, reason(stub, status)));
  }

  /** The workflow's own reason when it gave one, else how it ended. */
  private static String reason(WorkflowStub stub, WorkflowExecutionStatus status) {
    try {
      stub.getResult(5, TimeUnit.SECONDS, IngestionResult.class);
      return status.name();
    } catch (WorkflowFailedException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ApplicationFailure application) {
        return application.getOriginalMessage();
      }
      if (cause instanceof TerminatedFailure) {
        return "the workflow was terminated";
      }
      if (cause instanceof TimeoutFailure) {
        return "the workflow timed out";
      }
      return cause == null ? e.getMessage() : cause.getMessage();
    } catch (WorkflowException e) {
      return e.getMessage();
    } catch (TimeoutException e) {
      return "the workflow ended (" + status.name() + ")";
    }
  }
}
