package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.config.TemporalConfigLoader;
import io.apex.temporal.it.support.MutualTlsTestServer;
import io.apex.temporal.it.support.PemCertificate;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.worker.connection.TemporalUnreachableException;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The TLS settings against a server that requires mutual TLS. */
@DisplayName("mutual TLS to the Java test server behind a TLS listener")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutualTlsIT {
  private PemCertificate serverCertificate;
  private PemCertificate clientCertificate;
  private MutualTlsTestServer server;

  @BeforeAll
  void startServer(@TempDir Path certificates) throws Exception {
    serverCertificate = PemCertificate.create(certificates, "server");
    clientCertificate = PemCertificate.create(certificates, "client");
    server = new MutualTlsTestServer(serverCertificate, clientCertificate);
  }

  @AfterAll
  void stopServer() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  private TemporalConfig config(Map<String, String> tls) {
    Map<String, String> environment = new HashMap<>(Map.of(
        "TEMPORAL_HOST", "127.0.0.1",
        "TEMPORAL_PORT", String.valueOf(server.port()),
        "TEMPORAL_METRICS_PORT", String.valueOf(FreePorts.next()),
        "TEMPORAL_TASK_QUEUE", "tls",
        "TEMPORAL_EMBEDDED_SERVER", "never",
        "TEMPORAL_CONNECT_TIMEOUT", "3s"));
    environment.putAll(tls);
    return new TemporalConfigLoader(environment, Optional.empty(), ConfigFactory.empty()).load()
        .config().orElseThrow();
  }

  @Test
  void workerWithCertificateKeyAndCaGreetsOverMutualTls() throws Exception {
    try (WorkerRuntime worker = new WorkerRuntime(config(Map.of(
        "TEMPORAL_TLS_CERT_PATH", clientCertificate.certificate().toString(),
        "TEMPORAL_TLS_KEY_PATH", clientCertificate.privateKey().toString(),
        "TEMPORAL_TLS_CA_PATH", serverCertificate.certificate().toString())),
        WorkflowCatalog.standard())) {
      worker.start();
      GreetingWorkflow workflow = worker.client().newWorkflowStub(GreetingWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue("tls").setWorkflowId("tls-greeting").build());

      assertThat(workflow.greet("TLS"))
          .isEqualTo("Hello, TLS! Welcome to Apex Memory System with Temporal.io!");
    }
  }

  @Test
  void workerWithoutAClientCertificateIsRefused() {
    WorkerRuntime worker = new WorkerRuntime(config(Map.of(
        "TEMPORAL_TLS_CA_PATH", serverCertificate.certificate().toString())),
        WorkflowCatalog.standard());
    try {
      assertThatThrownBy(worker::start).isInstanceOf(TemporalUnreachableException.class)
          .hasMessageContaining("127.0.0.1:" + server.port());
    } finally {
      worker.stop();
    }
  }

  @Test
  void workerThatDoesNotTrustTheServerIsRefused() {
    WorkerRuntime worker = new WorkerRuntime(config(Map.of(
        "TEMPORAL_TLS_CERT_PATH", clientCertificate.certificate().toString(),
        "TEMPORAL_TLS_KEY_PATH", clientCertificate.privateKey().toString(),
        "TEMPORAL_TLS_CA_PATH", clientCertificate.certificate().toString())),
        WorkflowCatalog.standard());
    try {
      assertThatThrownBy(worker::start).isInstanceOf(TemporalUnreachableException.class);
    } finally {
      worker.stop();
    }
  }
}
