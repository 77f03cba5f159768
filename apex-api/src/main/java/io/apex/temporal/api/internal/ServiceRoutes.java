package io.apex.temporal.api.internal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /v1/service}: the task queue the API starts work on and how many workers polled it in
 * the last minute, so that a client can tell "waiting for a worker" from "slow". A server that
 * cannot say (the embedded Java test server) gives null.
 */
public final class ServiceRoutes {
  static final Duration RECENT = Duration.ofMinutes(1);

  private final WorkflowClient client;
  private final String taskQueue;

  public ServiceRoutes(WorkflowClient client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  record ServiceView(String taskQueue, Integer workersPolling) {}

  public List<Route> routes() {
    return List.of(new Route("GET", "/v1/service", Route.Access.READ, call -> service()));
  }

  private ApiReply service() {
    return ApiReply.json(200, new ServiceView(taskQueue, workersPolling()));
  }

  private Integer workersPolling() {
    try {
      var response =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .describeTaskQueue(
                  DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue).build())
                      .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
                      .build());
      Instant since = Instant.now().minus(RECENT);
      return (int)
          response.getPollersList().stream()
              .filter(
                  poller ->
                      Instant.ofEpochSecond(
                              poller.getLastAccessTime().getSeconds(),
                              poller.getLastAccessTime().getNanos())
                          .isAfter(since))
              .map(poller -> poller.getIdentity())
              .distinct()
              .count();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return null;
      }
      throw e;
    }
  }
}
