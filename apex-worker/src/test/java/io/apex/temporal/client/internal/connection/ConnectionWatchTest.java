package io.apex.temporal.client.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.worker.internal.server.EmbeddedTemporalServer;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A server outage under a running worker: one WARN when it begins, one INFO when it ends. */
class ConnectionWatchTest {
  private final Logger watchLog = (Logger) LoggerFactory.getLogger(ConnectionWatch.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private EmbeddedTemporalServer server;
  private WorkerRuntime worker;

  @AfterEach
  void stop() {
    watchLog.detachAppender(events);
    if (worker != null) {
      worker.stopNow();
    }
    if (server != null) {
      server.stop();
    }
  }

  private List<ILoggingEvent> matching(Level level, String text) {
    return events.list.stream()
        .filter(e -> e.getLevel() == level && e.getFormattedMessage().contains(text))
        .toList();
  }

  private void awaitEvent(Predicate<List<ILoggingEvent>> condition, Duration within) {
    Deadline.await(within, () -> condition.test(List.copyOf(events.list)));
    assertThat(condition.test(List.copyOf(events.list))).as(events.list.toString()).isTrue();
  }

  @Test
  void anOutageIsOneWarnWhenLostAndOneInfoWithItsLengthWhenBack() throws Exception {
    int port = FreePorts.next();
    server = new EmbeddedTemporalServer(port, "test", false);
    server.start();
    worker =
        new WorkerRuntime(
            SettingsMap.forServer("127.0.0.1", port).with("TEMPORAL_TASK_QUEUE", "outage").config(),
            WorkflowCatalog.standard());
    worker.start();
    events.start();
    watchLog.addAppender(events);

    server.stop();
    awaitEvent(
        list ->
            !matching(Level.WARN, "lost the connection to Temporal at 127.0.0.1:" + port).isEmpty(),
        Duration.ofSeconds(20));
    server = new EmbeddedTemporalServer(port, "test", false);
    server.start();
    awaitEvent(list -> !matching(Level.INFO, "is back after").isEmpty(), Duration.ofSeconds(60));

    assertThat(matching(Level.WARN, "lost the connection")).hasSize(1);
    assertThat(matching(Level.INFO, "is back after")).hasSize(1);
    assertThat(matching(Level.INFO, "is back after").get(0).getFormattedMessage())
        .matches("connection to Temporal at 127\\.0\\.0\\.1:" + port + " is back after \\d+ ms");
  }
}
