package io.apex.temporal.worker.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's own logging setup (logback.xml) holds back the SDK's repeated stack traces. */
class RepeatedFailureFilterTest {
  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void configureFromTheWorkersLogbackXml() throws Exception {
    URL workerConfig = RepeatedFailureFilter.class.getResource("/logback.xml");
    assertThat(workerConfig).isNotNull();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(workerConfig);
    events.setContext(context);
    events.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(events);
  }

  private static StatusRuntimeException unavailable() {
    return new StatusRuntimeException(Status.UNAVAILABLE.withDescription("io exception"));
  }

  @Test
  void thePollersStackTracesDuringAnOutageComeThroughOncePerWindow() {
    Logger poller = context.getLogger("io.temporal.internal.worker.BasePoller");
    for (int i = 0; i < 432; i++) {
      poller.warn("Failure in poller thread {}", "Workflow Poller taskQueue=q " + i, unavailable());
    }
    assertThat(events.list).hasSize(1);
    assertThat(events.list.get(0).getThrowableProxy()).isNotNull();
  }

  @Test
  void aDifferentFailureStillComesThrough() {
    Logger poller = context.getLogger("io.temporal.internal.worker.BasePoller");
    poller.warn("Failure in poller thread {}", "a", unavailable());
    poller.warn("Failure in poller thread {}", "b", new IllegalStateException("other"));
    context
        .getLogger("io.temporal.internal.worker.AsyncPoller")
        .error("Error while trying to poll task", unavailable());
    assertThat(events.list).hasSize(3);
  }

  @Test
  void warningsWithoutAStackTraceAndOurOwnLinesAreNeverHeldBack() {
    Logger sdk = context.getLogger("io.temporal.internal.worker.BasePoller");
    Logger ours = context.getLogger("io.apex.temporal.client.internal.connection.ConnectionWatch");
    for (int i = 0; i < 5; i++) {
      sdk.warn("plain warning");
      ours.warn("ours", unavailable());
    }
    assertThat(events.list).hasSize(10);
  }
}
