package io.apex.temporal.worker.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.workflows.ingestion.DocumentIds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a client of the API, against a stand-in for the API (the JDK's HTTP server):
 * what each command does when the API answers oddly or not at all. The real API is exercised by the
 * integration tests against the worker jar.
 */
class ApiClientCommandsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private HttpServer api;

  @TempDir Path folder;

  @AfterEach
  void stopApi() {
    if (api != null) {
      api.stop(0);
    }
  }

  private int run(int apiPort, String... args) {
    ConfigLoadResult settings =
        SettingsMap.of(Map.of("APEX_API_URL", "http://127.0.0.1:" + apiPort)).load();
    CommandLine cli = ApexCommand.commandLine(settings);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** An API that takes uploads, never finishes them, and says no worker polls. */
  private int apiWithoutWorkers() throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/v1/documents",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          if (exchange.getRequestMethod().equals("POST")) {
            answer(exchange, 202, "{\"document_id\":\"x\",\"status\":\"accepted\"}");
          } else {
            answer(exchange, 200, "{\"stage\":\"parsing\",\"chunks\":0,\"entities\":0}");
          }
        });
    api.createContext(
        "/v1/service",
        exchange -> answer(exchange, 200, "{\"task_queue\":\"q\",\"workers_polling\":0}"));
    api.start();
    return api.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void ingestGivesUpNamingTheUnfinishedDocumentsWhenNoWorkerPolls() throws Exception {
    int port = apiWithoutWorkers();
    Path file = Files.writeString(folder.resolve("waiting.txt"), "never ingested");
    long begin = System.nanoTime();

    int exit = run(port, "ingest", "--no-worker-seconds", "1", file.toString());

    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(30));
    assertThat(err.toString())
        .contains("gave up: no worker has polled task queue")
        .contains("not finished: " + DocumentIds.of("local", file.toString()));
    assertThat(out.toString()).contains("1 documents: 0 ok, 0 unchanged, 0 failed, 1 not finished");
  }

  @Test
  void anUnreachableApiIsAnErrorNamingItsAddressNotANotFound() {
    int nobody = FreePorts.next();

    assertThat(run(nobody, "status", "some-document")).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("does not answer at http://127.0.0.1:" + nobody);
    assertThat(out.toString()).doesNotContain("not found");
  }

  @Test
  void searchTopOutsideItsRangeIsAUsageErrorWithExitTwo() {
    assertThat(run(FreePorts.next(), "search", "--top", "1000000", "tides")).isEqualTo(2);
    assertThat(err.toString()).contains("--top must be an integer 1-1000, got '1000000'");
  }
}
