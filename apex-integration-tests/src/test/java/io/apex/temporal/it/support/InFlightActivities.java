package io.apex.temporal.it.support;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The activities the server has as started by one worker: after that worker is killed, the ones its
 * kill cut off. Read in parallel, well within the heartbeat timeout after which the server hands
 * them to another worker and records that worker instead.
 */
public final class InFlightActivities {
  /** An activity of a workflow, as the server names it in a describe and in the history. */
  public record ActivityRef(String workflowId, String activityId) {}

  private InFlightActivities() {}

  public static Set<ActivityRef> startedBy(
      WorkflowClient client, Predicate<String> workerIdentity, List<String> workflowIds)
      throws Exception {
    ExecutorService readers = Executors.newFixedThreadPool(16);
    try {
      List<Future<List<ActivityRef>>> reads = new ArrayList<>();
      for (String workflowId : workflowIds) {
        reads.add(readers.submit(() -> startedBy(client, workerIdentity, workflowId)));
      }
      Set<ActivityRef> refs = new HashSet<>();
      for (Future<List<ActivityRef>> read : reads) {
        refs.addAll(read.get(1, TimeUnit.MINUTES));
      }
      return refs;
    } finally {
      readers.shutdownNow();
    }
  }

  private static List<ActivityRef> startedBy(
      WorkflowClient client, Predicate<String> workerIdentity, String workflowId) {
    List<PendingActivityInfo> pending;
    try {
      pending =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getPendingActivitiesList();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return List.of(); // not started yet, so nothing of it ran on that worker
      }
      throw e;
    }
    return pending.stream()
        .filter(activity -> workerIdentity.test(activity.getLastWorkerIdentity()))
        .map(activity -> new ActivityRef(workflowId, activity.getActivityId()))
        .toList();
  }
}
