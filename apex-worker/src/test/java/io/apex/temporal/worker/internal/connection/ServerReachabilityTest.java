package io.apex.temporal.worker.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.worker.client.TemporalUnreachableException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerReachabilityTest {

  @Test
  void anUnreachableTargetFailsAfterTheConnectTimeoutNamingTheTarget() {
    String target = "127.0.0.1:" + FreePorts.next();
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      long begin = System.nanoTime();
      assertThatThrownBy(() -> new ServerReachability(target, Duration.ofMillis(1500)).await(stubs))
          .isInstanceOf(TemporalUnreachableException.class)
          .hasMessageStartingWith("could not reach Temporal at " + target + " within 1500 ms")
          .hasMessageContaining("UNAVAILABLE");
      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(5));
    } finally {
      stubs.shutdownNow();
    }
  }
}
