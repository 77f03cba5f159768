package io.apex.temporal.worker.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.FreePorts;
import io.grpc.ManagedChannel;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmbeddedTemporalServerTest {

  @Test
  void listensOnTheLoopbackAddressOnly() throws IOException {
    int port = FreePorts.next();
    EmbeddedTemporalServer server = new EmbeddedTemporalServer(port, "test", false);
    server.start();
    try {
      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
      assertThat(server.address().getPort()).isEqualTo(port);
      PortProbe probe = new PortProbe(Duration.ofSeconds(1));
      assertThat(probe.answers("127.0.0.1", port)).as("answers on 127.0.0.1").isTrue();
      for (InetAddress other : nonLoopbackAddresses()) {
        assertThat(probe.answers(other.getHostAddress(), port))
            .as("the embedded server answered at " + other)
            .isFalse();
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void servesTheSameServerInProcessWithoutASocket() throws Exception {
    int port = FreePorts.next();
    EmbeddedTemporalServer server = new EmbeddedTemporalServer(port, "test", false);
    server.start();
    ManagedChannel channel = server.inProcessChannel().orElseThrow();
    WorkflowServiceStubs overTheSocket =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    WorkflowServiceStubs inProcess =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setChannel(channel).build());
    try {
      WorkflowExecution started =
          WorkflowExecution.newBuilder()
              .setWorkflowId("started-over-the-socket")
              .setRunId(
                  overTheSocket
                      .blockingStub()
                      .startWorkflowExecution(
                          StartWorkflowExecutionRequest.newBuilder()
                              .setNamespace("default")
                              .setWorkflowId("started-over-the-socket")
                              .setRequestId(UUID.randomUUID().toString())
                              .setWorkflowType(WorkflowType.newBuilder().setName("AnyWorkflow"))
                              .setTaskQueue(TaskQueue.newBuilder().setName("no-worker"))
                              .build())
                      .getRunId())
              .build();
      var described =
          inProcess
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace("default")
                      .setExecution(started)
                      .build());
      assertThat(described.getWorkflowExecutionInfo().getType().getName())
          .as("the in-process channel reaches the server behind the port")
          .isEqualTo("AnyWorkflow");
    } finally {
      overTheSocket.shutdownNow();
      inProcess.shutdownNow();
      channel.shutdownNow();
      server.stop();
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .toList();
  }
}
