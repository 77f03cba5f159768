package io.apex.temporal.worker.internal.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.client.DocumentOutcome;
import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.client.StartedIngestion;
import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.worker.internal.cli.ApexCommand;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.ingestion.DocumentIds;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import io.apex.temporal.workflows.ingestion.IngestionSearchAttributes;
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
 * The ingest command and the worker's ingestion wiring, on the embedded Java test server, with
 * in-memory activities: the search attributes get registered, one line per document, the exit
 * status, and one run for a document started twice at once.
 */
@DisplayName("ingest command on the embedded Java test server")
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

  private int ingest(String... args) {
    ConfigLoadResult client =
        SettingsMap.of(
                Map.of(
                    "TEMPORAL_HOST",
                    "127.0.0.1",
                    "TEMPORAL_PORT",
                    String.valueOf(port),
                    "TEMPORAL_TASK_QUEUE",
                    queue))
            .load();
    CommandLine cli = ApexCommand.commandLine(client);
    out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    String[] all = new String[args.length + 3];
    all[0] = "ingest";
    all[1] = "--timeout-seconds";
    all[2] = "60";
    System.arraycopy(args, 0, all, 3, args.length);
    return cli.execute(all);
  }

  private static String id(Path file) {
    return DocumentIds.of("local", file.toAbsolutePath().toString());
  }

  @Test
  void printsOneLinePerDocumentAndASummaryAndExitsZeroWhenNoneFailed() throws Exception {
    Path a = Files.writeString(folder.resolve("a.txt"), "x".repeat(250));
    Path b =
        Files.writeString(Files.createDirectories(folder.resolve("sub")).resolve("b.md"), "# b");

    assertThat(ingest(folder.toString())).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "OK " + id(a) + " " + a + " 3 0",
            "OK " + id(b) + " " + b + " 1 0",
            "2 documents: 2 ok, 0 unchanged, 0 failed");

    assertThat(ingest(folder.toString())).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "UNCHANGED " + id(a) + " " + a + " 3 0",
            "UNCHANGED " + id(b) + " " + b + " 1 0",
            "2 documents: 0 ok, 2 unchanged, 0 failed");
  }

  @Test
  void aFailedDocumentIsPrintedWithItsReasonAndTheExitStatusIsOne() throws Exception {
    Path empty = Files.writeString(folder.resolve("empty.txt"), "");
    Path good = Files.writeString(folder.resolve("good.txt"), "good");
    Path missing = folder.resolve("missing.txt");

    assertThat(ingest(empty.toString(), good.toString(), missing.toString())).isEqualTo(1);
    assertThat(out.toString().lines())
        .containsExactly(
            "FAILED " + id(empty) + " " + empty + " 0 0 empty file",
            "OK " + id(good) + " " + good + " 1 0",
            "FAILED "
                + id(missing)
                + " "
                + missing
                + " 0 0 file not found or unreadable: "
                + missing,
            "3 documents: 1 ok, 0 unchanged, 2 failed");
    assertThat(
            worker
                .client()
                .newUntypedWorkflowStub(DocumentIngestionWorkflow.workflowId(id(empty)))
                .describe()
                .getTypedSearchAttributes()
                .get(IngestionSearchAttributes.INGESTION_STATUS))
        .isEqualTo("failed");
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
