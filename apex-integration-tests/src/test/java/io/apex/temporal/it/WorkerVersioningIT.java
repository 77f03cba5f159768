package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.CliResult;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.VersioningBehavior;
import io.temporal.api.workflow.v1.WorkflowExecutionVersioningInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Worker Deployment versioning, which only a real server implements. */
@DisplayName("worker versioning on temporal server start-dev")
class WorkerVersioningIT extends IntegrationTest {

  @Override
  protected TemporalTarget newTarget() {
    return new DevServerTarget();
  }

  @Test
  void aVersionedWorkerServesItsDeploymentsCurrentVersionAndPinsTheWorkflow() throws Exception {
    String queue = uniqueQueue("versioned");
    String deployment = "apex-ingestion-" + queue;
    startWorker(
        queue,
        WorkflowCatalog.standard(),
        Map.of(
            "TEMPORAL_WORKER_VERSIONING", "true",
            "TEMPORAL_DEPLOYMENT_NAME", deployment,
            "TEMPORAL_WORKER_BUILD_ID", "v1.2.3"));
    DevServerTarget server = (DevServerTarget) target;
    Deadline.require(
        Duration.ofSeconds(30),
        "the server to register build v1.2.3",
        () ->
            server
                    .cli(
                        "worker",
                        "deployment",
                        "set-current-version",
                        "--deployment-name",
                        deployment,
                        "--build-id",
                        "v1.2.3",
                        "--yes")
                    .exitCode()
                == 0);

    String greeting = greeting(queue, queue).greet("Versioned");

    assertThat(greeting)
        .isEqualTo("Hello, Versioned! Welcome to Apex Memory System with Temporal.io!");
    WorkflowExecutionVersioningInfo versioning =
        client()
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace("default")
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(queue))
                    .build())
            .getWorkflowExecutionInfo()
            .getVersioningInfo();
    assertThat(versioning.getBehavior()).isEqualTo(VersioningBehavior.VERSIONING_BEHAVIOR_PINNED);
    assertThat(versioning.getDeploymentVersion().getDeploymentName()).isEqualTo(deployment);
    assertThat(versioning.getDeploymentVersion().getBuildId()).isEqualTo("v1.2.3");
    CliResult described = server.cli("worker", "deployment", "describe", "--name", deployment);
    assertThat(described.output()).contains("v1.2.3");
  }
}
