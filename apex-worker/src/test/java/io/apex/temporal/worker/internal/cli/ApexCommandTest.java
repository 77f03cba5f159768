package io.apex.temporal.worker.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ApexCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(ConfigLoadResult settings, String... args) {
    CommandLine cli = ApexCommand.commandLine(settings);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** A worker that starts the embedded server on the port and polls the queue. */
  private static WorkerRuntime startWorker(int port, String taskQueue) throws Exception {
    WorkerRuntime worker =
        new WorkerRuntime(
            SettingsMap.ownEmbeddedServer(port).with("TEMPORAL_TASK_QUEUE", taskQueue).config(),
            WorkflowCatalog.standard());
    worker.start();
    return worker;
  }

  private static ConfigLoadResult clientOf(int port, String taskQueue) {
    return SettingsMap.of(
            Map.of(
                "TEMPORAL_HOST",
                "127.0.0.1",
                "TEMPORAL_PORT",
                String.valueOf(port),
                "TEMPORAL_TASK_QUEUE",
                taskQueue))
        .load();
  }

  @Test
  void badSettingsExitTwoWithOneLinePerBadSettingAndNoStackTrace() {
    int status =
        run(
            SettingsMap.of(Map.of("TEMPORAL_PORT", "abc", "TEMPORAL_ROLLOUT", "150")).load(),
            "worker");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactlyInAnyOrder(
            "TEMPORAL_PORT must be an integer 1-65535, got 'abc'",
            "TEMPORAL_ROLLOUT must be an integer 0-100, got '150'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void everyCommandThatNeedsSettingsRefusesBadOnes() {
    ConfigLoadResult bad = SettingsMap.of(Map.of("TEMPORAL_MAX_ACTIVITIES", "0")).load();
    for (String command : new String[] {"worker", "greet", "greet-retry", "query-status"}) {
      assertThat(run(bad, command)).as(command).isEqualTo(2);
    }
  }

  @Test
  void configPrintsEverySettingWithItsSourceAndMasksTheApiKey() {
    int status =
        run(
            SettingsMap.of(
                    Map.of("TEMPORAL_API_KEY", "very-secret", "TEMPORAL_NAMESPACE", "ingest"))
                .load(),
            "config");

    assertThat(status).isZero();
    assertThat(out.toString())
        .doesNotContain("very-secret")
        .containsPattern("TEMPORAL_API_KEY +\\*\\*\\*\\* +environment")
        .containsPattern("TEMPORAL_NAMESPACE +ingest +environment")
        .containsPattern("TEMPORAL_PORT +7233 +reference.conf default")
        .contains("server target:  localhost:7233");
  }

  @Test
  void configWithBadSettingsShowsThemAndExitsTwo() {
    assertThat(run(SettingsMap.of(Map.of("TEMPORAL_PORT", "0")).load(), "config")).isEqualTo(2);
    assertThat(err.toString()).contains("TEMPORAL_PORT must be an integer 1-65535, got '0'");
  }

  @Test
  void greetRetryNamesTheUiOfARealServerAndNoneForTheEmbeddedOne() {
    assertThat(GreetWithRetryCommand.uiHint("", "default", "wf-1"))
        .startsWith("no Temporal UI")
        .doesNotContain("http://");
    assertThat(GreetWithRetryCommand.uiHint("1.32.0", "ns", "wf-1"))
        .contains(
            "http://localhost:8088/namespaces/ns/workflows/wf-1 (compose stack)",
            "http://localhost:8233/namespaces/ns/workflows/wf-1 (temporal server start-dev)");
  }

  @Test
  void examplesRunAgainstARunningWorker() throws Exception {
    int port = FreePorts.next();
    try (WorkerRuntime worker = startWorker(port, "cli-examples")) {
      ConfigLoadResult client = clientOf(port, "cli-examples");

      assertThat(run(client, "greet", "Apex Team")).isZero();
      assertThat(out.toString())
          .isEqualTo("Hello, Apex Team! Welcome to Apex Memory System with Temporal.io!\n");

      out.getBuffer().setLength(0);
      assertThat(run(client, "greet-retry")).isZero();
      assertThat(out.toString())
          .contains(
              "start-to-close timeout  10 s",
              "initial retry interval  1 s",
              "maximum retry interval  10 s",
              "backoff coefficient     2.0",
              "maximum attempts        3",
              "result: Hello, World! Welcome to Apex Memory System with Temporal.io!",
              "activity attempts: 1",
              "no Temporal UI: the embedded Java test server has none");

      out.getBuffer().setLength(0);
      assertThat(run(client, "query-status", "Status")).isZero();
      assertThat(out.toString())
          .containsPattern("workflow ID: greeting-status-[0-9a-f-]{36}")
          .containsPattern("run ID: +[0-9a-f-]{36}")
          .contains(
              "status then: COMPLETED (greeting: Hello, Status! Welcome to Apex Memory"
                  + " System with Temporal.io!)",
              "execution:   COMPLETED",
              "first events: WorkflowExecutionStarted, WorkflowTaskScheduled,"
                  + " WorkflowTaskStarted, WorkflowTaskCompleted, ActivityTaskScheduled")
          .containsPattern("duration: +\\d+ ms")
          .containsPattern("events: +1\\d");
    }
  }

  @Test
  void greetWithoutAWorkerTimesOutNamingTheTaskQueue() throws Exception {
    int port = FreePorts.next();
    try (WorkerRuntime worker = startWorker(port, "served-queue")) {
      ConfigLoadResult client = clientOf(port, "nobody-polls-this");

      assertThat(run(client, "greet", "--timeout-seconds", "1", "x")).isEqualTo(1);
      assertThat(err.toString())
          .contains(
              "no worker finished the workflow within 1 s: is a"
                  + " worker polling task queue nobody-polls-this at 127.0.0.1:"
                  + port
                  + "?");
    }
  }
}
