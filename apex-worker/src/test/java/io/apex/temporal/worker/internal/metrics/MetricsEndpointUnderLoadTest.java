package io.apex.temporal.worker.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.client.BadSettingException;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.worker.runtime.Readiness;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probes keep answering whatever other clients of the port do, and only known routes answer.
 */
class MetricsEndpointUnderLoadTest {
  private static final int IDLE_CONNECTIONS = 50;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final List<Socket> idle = new ArrayList<>();
  private MetricsEndpoint endpoint;

  @BeforeEach
  void start() throws Exception {
    endpoint =
        new MetricsEndpoint(
            "127.0.0.1",
            FreePorts.next(),
            () -> "apex_test_metric 1\n",
            () -> new Readiness.State(true, "ready: polling q"));
    endpoint.start();
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : idle) {
      socket.close();
    }
    endpoint.stop();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(1))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesAnswerWithinOneSecondWhileFiftyIdleConnectionsAreHeld() throws Exception {
    for (int i = 0; i < IDLE_CONNECTIONS; i++) {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", endpoint.port()), 1000);
      OutputStream out = socket.getOutputStream();
      // A request whose headers never end: the client then just waits.
      out.write("GET /metrics HTTP/1.1\r\nHost: x\r\nX-a: ".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      idle.add(socket);
    }

    for (String path : List.of("/healthz", "/readyz", "/metrics")) {
      long begin = System.nanoTime();
      assertThat(send("GET", path).statusCode()).as(path).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - begin))
          .as(path)
          .isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void aMethodOtherThanGetOrHeadGets405() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE")) {
      HttpResponse<String> response = send(method, "/metrics");
      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
    }
  }

  @Test
  void headAnswersLikeGetWithoutABody() throws Exception {
    HttpResponse<String> response = send("HEAD", "/healthz");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void pathsThatOnlyStartWithAKnownOneGet404() throws Exception {
    for (String path : List.of("/metricsx", "/metrics/x", "/healthz2", "/readyz/", "/", "/x")) {
      assertThat(send("GET", path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void listensOnTheConfiguredAddressOnly() throws Exception {
    assertThat(endpoint.address().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
  }

  @Test
  void aPortInUseFailsStartNamingTheVariableAndThePort() {
    MetricsEndpoint second =
        new MetricsEndpoint(
            "127.0.0.1", endpoint.port(), () -> "", () -> new Readiness.State(true, "ready"));
    assertThatThrownBy(second::start)
        .isInstanceOf(BadSettingException.class)
        .hasMessageStartingWith(
            "TEMPORAL_METRICS_PORT must be a free port on 127.0.0.1, got '" + endpoint.port() + "'")
        .hasMessageNotContaining("\n");
  }
}
