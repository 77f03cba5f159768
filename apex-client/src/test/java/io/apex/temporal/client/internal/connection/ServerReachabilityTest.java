package io.apex.temporal.client.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.client.TemporalUnreachableException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerReachabilityTest {

  @Test
  void anUnreachableTargetFailsAfterTheConnectTimeoutNamingTheTarget() throws IOException {
    String target = "127.0.0.1:" + freePort();
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      long begin = System.nanoTime();
      assertThatThrownBy(() -> new ServerReachability(target, Duration.ofMillis(1500)).await(stubs))
          .isInstanceOf(TemporalUnreachableException.class)
          .hasMessageStartingWith("could not reach Temporal at " + target + " within 1500 ms")
          // Refused (UNAVAILABLE), or on a loaded machine the attempt's own deadline came first.
          .hasMessageMatching("(?s).*: (UNAVAILABLE|DEADLINE_EXCEEDED).*");
      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(5));
    } finally {
      stubs.shutdownNow();
    }
  }

  /** A port nobody listens on (this module's tests stay off the test kit, which carries Tika). */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
