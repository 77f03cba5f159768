package io.apex.temporal.it.support;

import com.uber.m3.tally.NoopScope;
import io.apex.temporal.client.ClientConnections;
import io.apex.temporal.client.ConnectedClient;
import io.apex.temporal.client.MissingKeyFile;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.InProcessServer;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.worker.internal.server.EmbeddedTemporalServer;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One server per test class, a client connection to it that outlives the workers, and real {@link
 * WorkerRuntime}s that the test starts and that are stopped after each test. Every test uses its
 * own task queue, so tests of a class never take each other's tasks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest {
  protected TemporalTarget target;
  private ConnectedClient clientConnection;
  private final List<WorkerRuntime> workers = new ArrayList<>();

  protected abstract TemporalTarget newTarget();

  /**
   * The worker's embedded default, the Java test server on a real port, run apart from any worker
   * so that workers can stop and start while it keeps its (in-memory) state.
   */
  protected static TemporalTarget embeddedServer() {
    int port = FreePorts.next();
    EmbeddedTemporalServer server = new EmbeddedTemporalServer(port, "integration test", false);
    return new InProcessServer("embedded Java test server", port, server::start, server::stop);
  }

  @BeforeAll
  void startServer() throws Exception {
    target = newTarget();
    target.start();
    // The same converter and payload codec as the workers, so the client reads what they encrypt.
    // It connects before any worker has started, so it may create the machine's key file.
    clientConnection =
        ClientConnections.connect(
            config(Map.of("TEMPORAL_TASK_QUEUE", "client-only")),
            new NoopScope(),
            MissingKeyFile.CREATE);
  }

  @AfterAll
  void stopServer() {
    if (clientConnection != null) {
      clientConnection.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @AfterEach
  void stopWorkers() {
    for (int i = workers.size() - 1; i >= 0; i--) {
      workers.get(i).stopNow();
    }
    workers.clear();
  }

  protected WorkflowClient client() {
    return clientConnection.workflowClient();
  }

  /** Settings for a worker or client of this class's server, with some replaced. */
  protected TemporalConfig config(Map<String, String> overrides) {
    return SettingsMap.forServer(target)
        .with("TEMPORAL_CONNECT_TIMEOUT", "20s")
        .with("TEMPORAL_DRAIN_TIMEOUT", "20s")
        .with(overrides)
        .config();
  }

  /** A real worker runtime on the task queue, started; it is stopped after the test. */
  protected WorkerRuntime startWorker(String taskQueue, WorkflowCatalog catalog) throws Exception {
    return startWorker(taskQueue, catalog, Map.of());
  }

  protected WorkerRuntime startWorker(
      String taskQueue, WorkflowCatalog catalog, Map<String, String> overrides) throws Exception {
    Map<String, String> settings = new HashMap<>(overrides);
    settings.put("TEMPORAL_TASK_QUEUE", taskQueue);
    WorkerRuntime worker = new WorkerRuntime(config(settings), catalog);
    workers.add(worker);
    worker.start();
    return worker;
  }

  protected static String uniqueQueue(String area) {
    return area + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected GreetingWorkflow greeting(String taskQueue, String workflowId) {
    return client()
        .newWorkflowStub(
            GreetingWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(workflowId).build());
  }
}
