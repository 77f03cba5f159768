package io.apex.temporal.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.workflows.WorkflowCatalog;
import org.junit.jupiter.api.Test;

/**
 * A drain says whether polls in flight were cut off: on a server that does not complete polls on
 * worker shutdown (the Java test server here), a task handed over as the drain starts is not seen
 * by this worker, and the outcome must not claim otherwise.
 */
class DrainReportTest {

  @Test
  void aDrainOnAServerWithoutGracefulPollShutdownReportsThatPollsWereCutOff() throws Exception {
    WorkerRuntime runtime =
        new WorkerRuntime(
            SettingsMap.ownEmbeddedServer().with("TEMPORAL_TASK_QUEUE", "drain-report").config(),
            WorkflowCatalog.standard());
    runtime.start();

    DrainOutcome outcome = runtime.drain();

    assertThat(outcome.clean()).isTrue();
    assertThat(outcome.pollsCutOff()).isTrue();
  }
}
