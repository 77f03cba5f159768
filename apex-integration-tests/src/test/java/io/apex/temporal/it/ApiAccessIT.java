package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.ApiClient;
import io.apex.temporal.it.support.ApiResponse;
import io.apex.temporal.it.support.ApiWorker;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.OpenApiContract;
import io.apex.temporal.it.support.SharedPostgres;
import io.apex.temporal.it.support.WorkerJarCommand;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.SampleDocuments;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.testkit.TemporalTarget;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Who may call the API: loopback clients only while no key exists; then a key on every call, of a
 * scope that allows it, and never one that was revoked. Keys are created and revoked with the
 * worker jar's {@code api-key} command against the store the worker uses, and never logged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ApiAccessIT extends IntegrationTest {
  private static final Duration COMMAND = Duration.ofMinutes(2);
  private final OpenApiContract contract = OpenApiContract.ofApexApi();
  private SharedPostgres store;
  private ApiWorker worker;
  private ApiClient loopback;
  private ApiClient fromOutside;
  private SettingsMap settings;

  @BeforeAll
  void startTheWorker() throws Exception {
    store = SharedPostgres.start();
    settings =
        SettingsMap.forServer(target)
            .with(
                Map.of(
                    "TEMPORAL_TASK_QUEUE", uniqueQueue("api-access"),
                    "APEX_STORE_JDBC_URL", store.jdbcUrl(),
                    "APEX_STORE_USER", store.user(),
                    "APEX_DATA_DIR",
                        Files.createTempDirectory("apex-api-access").resolve("data").toString()));
    worker = ApiWorker.start(settings, -1);
    loopback = worker.client(contract);
    fromOutside = new ApiClient(nonLoopbackAddress().getHostAddress(), worker.apiPort(), contract);
  }

  @AfterAll
  void stopTheWorker() throws Exception {
    if (worker != null) {
      worker.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  @Order(1)
  void withoutAnyKeyOnlyLoopbackClientsAreAnswered() {
    assertProblem(fromOutside.get("/v1/documents"), 403);
    assertProblem(fromOutside.postJson("/v1/search", "{\"query\": \"anything\"}"), 403);
    assertProblem(fromOutside.upload("x.txt", "x".getBytes(StandardCharsets.UTF_8)), 403);
    assertThat(fromOutside.get("/openapi.json").status()).isEqualTo(200);

    assertThat(loopback.get("/v1/documents").status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void onceKeysExistEachCallNeedsAKeyWhoseScopeAllowsIt() {
    String read = createKey("read", "reader");
    String write = createKey("write", "ci");

    ApiResponse anonymous = loopback.get("/v1/documents");
    assertProblem(anonymous, 401);
    assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer");
    assertProblem(loopback.withKey("apex_00000000_not-a-key").get("/v1/documents"), 401);
    assertProblem(fromOutside.get("/v1/documents"), 401);

    assertThat(fromOutside.withKey(read).get("/v1/documents").status()).isEqualTo(200);
    assertThat(loopback.withKey(read).postJson("/v1/search", "{\"query\": \"harbour\"}").status())
        .isEqualTo(200);
    byte[] note =
        SampleDocuments.text("The harbour master logged the ferry's arrival at dawn in Stromness.");
    assertProblem(loopback.withKey(read).upload("harbour.txt", note), 403);
    assertProblem(loopback.withKey(read).delete("/v1/documents/anything"), 403);

    ApiResponse upload = fromOutside.withKey(write).upload("harbour.txt", note);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);

    WorkerJarCommand.Result revoke =
        WorkerJarCommand.run(settings.variables(), COMMAND, "api-key", "revoke", "ci");
    assertThat(revoke.exitCode()).as(revoke.out() + revoke.err()).isZero();
    assertProblem(loopback.withKey(write).get("/v1/documents"), 401);
    assertThat(loopback.withKey(read).get("/v1/documents").status()).isEqualTo(200);

    assertThat(worker.process().output())
        .as("the worker's log")
        .contains("GET /v1/documents 401")
        .doesNotContain(read)
        .doesNotContain(write);
  }

  private String createKey(String scope, String name) {
    WorkerJarCommand.Result created =
        WorkerJarCommand.run(
            settings.variables(), COMMAND, "api-key", "create", "--scope", scope, "--name", name);
    assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
    String key = created.out().strip();
    assertThat(key).startsWith("apex_").doesNotContain("\n");
    return key;
  }

  /** An address of this machine's own interfaces that is not loopback. */
  private static InetAddress nonLoopbackAddress() throws SocketException {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return address;
        }
      }
    }
    throw new IllegalStateException("this machine has no non-loopback IPv4 address to call from");
  }

  private static void assertProblem(ApiResponse response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(response.json().get("detail").asText()).isNotBlank();
  }

  @DisplayName("API access rules of the worker jar on the embedded Java test server")
  static class OnEmbeddedServer extends ApiAccessIT {
    @Override
    protected TemporalTarget newTarget() {
      return embeddedServer();
    }
  }

  @DisplayName("API access rules of the worker jar on temporal server start-dev")
  static class OnDevServer extends ApiAccessIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }
  }
}
