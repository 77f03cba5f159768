package io.apex.temporal.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.client.TemporalUnreachableException;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.worker.internal.server.PortProbe;
import io.apex.temporal.workflows.WorkflowCatalog;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tester's case: a configured server that is down is never replaced by the embedded one. */
class AutoEmbeddedServerTest {

  @Test
  void aConfiguredPortWhereNothingAnswersIsNotTakenByTheEmbeddedServer() {
    int port = FreePorts.next();
    WorkerRuntime runtime =
        new WorkerRuntime(
            SettingsMap.of(
                    Map.of(
                        "TEMPORAL_HOST",
                        "127.0.0.1",
                        "TEMPORAL_PORT",
                        String.valueOf(port),
                        "TEMPORAL_METRICS_PORT",
                        String.valueOf(FreePorts.next()),
                        "TEMPORAL_CONNECT_TIMEOUT",
                        "500ms"))
                .config(),
            WorkflowCatalog.standard());
    try {
      assertThatThrownBy(runtime::start)
          .isInstanceOf(TemporalUnreachableException.class)
          .hasMessageContaining("127.0.0.1:" + port);
      assertThat(new PortProbe(Duration.ofMillis(300)).answers("127.0.0.1", port)).isFalse();
    } finally {
      runtime.stop();
    }
  }
}
