package io.apex.temporal.worker.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.worker.runtime.Readiness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean ready = new AtomicBoolean();
  private MetricsEndpoint endpoint;

  @BeforeEach
  void start() throws Exception {
    endpoint =
        new MetricsEndpoint(
            "127.0.0.1",
            FreePorts.next(),
            () -> "apex_test_metric 1\n",
            () ->
                new Readiness.State(
                    ready.get(), ready.get() ? "ready: polling q" : "not ready: starting"));
    endpoint.start();
  }

  @AfterEach
  void stop() {
    endpoint.stop();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsServesThePrometheusTextOfTheRegistry() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).isEqualTo("apex_test_metric 1\n");
  }

  @Test
  void healthzAnswersWhileTheProcessRuns() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void readyzIs503UntilReadyThen200() throws Exception {
    HttpResponse<String> before = get("/readyz");
    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).isEqualTo("not ready: starting\n");

    ready.set(true);
    HttpResponse<String> after = get("/readyz");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isEqualTo("ready: polling q\n");
  }
}
