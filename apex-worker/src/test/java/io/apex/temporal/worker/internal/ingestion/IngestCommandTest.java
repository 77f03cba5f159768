package io.apex.temporal.worker.internal.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.client.DocumentOutcome;
import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.client.StartedIngestion;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.worker.internal.cli.ApexCommand;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The worker's ingestion wiring on the embedded Java test server, with in-memory activities: one
 * run for a document started twice at once, and the ingestion commands' refusal of bad settings.
 * (The commands themselves are clients of the API: IngestionCliIT runs them against the worker
 * jar.)
 */
@DisplayName("ingestion starts and commands on the embedded Java test server")
class IngestCommandTest {
  private final InMemoryIngestionActivities activities = new InMemoryIngestionActivities();
  private final int port = FreePorts.next();
  private final String queue = "ingest-cli-" + port;
  private WorkerRuntime worker;
  private StringWriter out;

  @TempDir Path folder;

  @BeforeEach
  void startWorker() throws Exception {
    worker =
        new WorkerRuntime(
            SettingsMap.ownEmbeddedServer(port).with("TEMPORAL_TASK_QUEUE", queue).config(),
            WorkflowCatalog.withIngestion(activities));
    worker.start();
  }

  @AfterEach
  void stopWorker() {
    worker.stop();
  }

  @Test
  void theSameDocumentStartedTwiceAtOnceRunsOnce() throws Exception {
    Path file = Files.writeString(folder.resolve("once.txt"), "once");
    activities.holdStage = new CountDownLatch(1);
    IngestionClient client = new IngestionClient(worker.client(), queue);

    StartedIngestion first = client.start("local", file);
    assertThat(activities.stageStarted.await(20, TimeUnit.SECONDS)).isTrue();
    StartedIngestion second = client.start("local", file);
    activities.holdStage.countDown();

    assertThat(second.runId()).isEqualTo(first.runId());
    List<DocumentOutcome> outcomes =
        List.of(
            client.outcome(first).get(30, TimeUnit.SECONDS),
            client.outcome(second).get(30, TimeUnit.SECONDS));
    assertThat(outcomes)
        .extracting(DocumentOutcome::kind)
        .containsExactly(DocumentOutcome.Kind.OK, DocumentOutcome.Kind.OK);
    assertThat(activities.stagings).hasValue(1);
  }

  @Test
  void theIngestionCommandsRefuseBadSettingsWithExitTwo() {
    for (String[] command :
        List.of(
            new String[] {"ingest", "x"},
            new String[] {"status", "x"},
            new String[] {"search", "x"})) {
      CommandLine cli =
          ApexCommand.commandLine(
              SettingsMap.of(Map.of("APEX_STORE_PORT", "0", "APEX_STORE_JDBC_URL", "mysql://x"))
                  .load());
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(new StringWriter(), true));
      cli.setErr(new PrintWriter(err, true));
      assertThat(cli.execute(command)).as(command[0]).isEqualTo(2);
      assertThat(err.toString())
          .contains("APEX_STORE_PORT must be an integer 1-65535, got '0'")
          .contains("APEX_STORE_JDBC_URL must be");
    }
  }
}
