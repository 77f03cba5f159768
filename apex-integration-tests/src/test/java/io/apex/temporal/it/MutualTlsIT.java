package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.client.TemporalUnreachableException;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.it.support.MutualTlsTestServer;
import io.apex.temporal.it.support.PemCertificate;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS settings against a server that requires mutual TLS and against a one-way TLS listener. A
 * refusal must come from TLS itself (a handshake or certificate failure in the cause chain), so a
 * worker that spoke plaintext could not pass as refused.
 */
@DisplayName("TLS to the Java test server behind a mutual and a one-way TLS listener")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutualTlsIT {
  private PemCertificate serverCertificate;
  private PemCertificate clientCertificate;
  private MutualTlsTestServer server;
  private MutualTlsTestServer oneWayServer;

  @BeforeAll
  void startServer(@TempDir Path certificates) throws Exception {
    serverCertificate = PemCertificate.create(certificates, "server");
    clientCertificate = PemCertificate.create(certificates, "client");
    server = new MutualTlsTestServer(serverCertificate, clientCertificate);
    oneWayServer = MutualTlsTestServer.oneWay(serverCertificate);
  }

  @AfterAll
  void stopServer() throws InterruptedException {
    if (server != null) {
      server.close();
    }
    if (oneWayServer != null) {
      oneWayServer.close();
    }
  }

  private TemporalConfig config(Map<String, String> tls) {
    return config(server, tls);
  }

  private TemporalConfig config(MutualTlsTestServer listener, Map<String, String> tls) {
    return SettingsMap.forServer("127.0.0.1", listener.port())
        .with("TEMPORAL_TASK_QUEUE", "tls")
        .with("TEMPORAL_CONNECT_TIMEOUT", "3s")
        .with(tls)
        .config();
  }

  @Test
  void workerWithCertificateKeyAndCaGreetsOverMutualTls() throws Exception {
    try (WorkerRuntime worker =
        new WorkerRuntime(
            config(
                Map.of(
                    "TEMPORAL_TLS_CERT_PATH", clientCertificate.certificate().toString(),
                    "TEMPORAL_TLS_KEY_PATH", clientCertificate.privateKey().toString(),
                    "TEMPORAL_TLS_CA_PATH", serverCertificate.certificate().toString())),
            WorkflowCatalog.standard())) {
      worker.start();
      GreetingWorkflow workflow =
          worker
              .client()
              .newWorkflowStub(
                  GreetingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue("tls")
                      .setWorkflowId("tls-greeting")
                      .build());

      assertThat(workflow.greet("TLS"))
          .isEqualTo("Hello, TLS! Welcome to Apex Memory System with Temporal.io!");
    }
  }

  @Test
  void workerWithACaAloneGreetsOverOneWayTls() throws Exception {
    try (WorkerRuntime worker =
        new WorkerRuntime(
            config(
                oneWayServer,
                Map.of(
                    "TEMPORAL_TLS_CA_PATH",
                    serverCertificate.certificate().toString(),
                    "TEMPORAL_TASK_QUEUE",
                    "one-way-tls")),
            WorkflowCatalog.standard())) {
      worker.start();
      GreetingWorkflow workflow =
          worker
              .client()
              .newWorkflowStub(
                  GreetingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue("one-way-tls")
                      .setWorkflowId("one-way-tls-greeting")
                      .build());

      assertThat(workflow.greet("CA"))
          .isEqualTo("Hello, CA! Welcome to Apex Memory System with Temporal.io!");
    }
  }

  @Test
  void workerWithoutAClientCertificateIsRefused() {
    assertRefusedByTls(
        config(Map.of("TEMPORAL_TLS_CA_PATH", serverCertificate.certificate().toString())), server);
  }

  /** A refusal by TLS, not by anything else: a handshake or certificate failure is the cause. */
  private static void assertRefusedByTls(TemporalConfig config, MutualTlsTestServer listener) {
    WorkerRuntime worker = new WorkerRuntime(config, WorkflowCatalog.standard());
    try {
      assertThatThrownBy(worker::start)
          .isInstanceOf(TemporalUnreachableException.class)
          .hasMessageContaining("127.0.0.1:" + listener.port())
          .satisfies(
              refusal ->
                  assertThat(causes(refusal))
                      .as("the cause chain of %s", refusal)
                      .anySatisfy(
                          cause ->
                              assertThat(cause)
                                  .isInstanceOfAny(
                                      SSLException.class, CertificateException.class,
                                      CertPathBuilderException.class,
                                          CertPathValidatorException.class)));
    } finally {
      worker.stop();
    }
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = failure;
        cause != null && !chain.contains(cause);
        cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }

  @Test
  void workerThatDoesNotTrustTheServerIsRefused() {
    assertRefusedByTls(
        config(
            Map.of(
                "TEMPORAL_TLS_CERT_PATH", clientCertificate.certificate().toString(),
                "TEMPORAL_TLS_KEY_PATH", clientCertificate.privateKey().toString(),
                "TEMPORAL_TLS_CA_PATH", clientCertificate.certificate().toString())),
        server);
  }
}
