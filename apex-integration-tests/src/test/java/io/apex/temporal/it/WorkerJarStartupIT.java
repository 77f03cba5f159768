package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.ChildWorker;
import io.apex.temporal.testkit.FreePorts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The worker jar's start-up failures, which need no server. */
@DisplayName("worker jar start-up failures, no server")
class WorkerJarStartupIT {

  @Test
  void badSettingsExitTwoWithOneLinePerSettingAndNoStackTrace() throws Exception {
    try (ChildWorker child =
        ChildWorker.jar(Map.of("TEMPORAL_PORT", "abc", "TEMPORAL_ROLLOUT", "150"))) {
      assertThat(child.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
      assertThat(child.output().lines())
          .containsExactlyInAnyOrder(
              "TEMPORAL_PORT must be an integer 1-65535, got 'abc'",
              "TEMPORAL_ROLLOUT must be an integer 0-100, got '150'");
    }
  }

  @Test
  void anUnreachableExternalTargetFailsAfterTheBoundedRetryNamingTheTarget() throws Exception {
    String target = "127.0.0.1:" + FreePorts.next();
    long begin = System.nanoTime();
    try (ChildWorker child =
        ChildWorker.jar(
            Map.of(
                "TEMPORAL_HOST", "127.0.0.1",
                "TEMPORAL_PORT", target.substring(target.indexOf(':') + 1),
                "TEMPORAL_METRICS_PORT", String.valueOf(FreePorts.next()),
                "TEMPORAL_EMBEDDED_SERVER", "never",
                "TEMPORAL_CONNECT_TIMEOUT", "3s"))) {
      assertThat(child.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
      assertThat(Duration.ofNanos(System.nanoTime() - begin))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3))
          .isLessThan(Duration.ofSeconds(20));
      assertThat(child.output())
          .contains("could not reach Temporal at " + target + " within 3000 ms")
          .doesNotContain("\tat ");
    }
  }
}
