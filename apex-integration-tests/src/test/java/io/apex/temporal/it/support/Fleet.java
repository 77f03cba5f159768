package io.apex.temporal.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.testkit.TemporalTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Worker processes of the shaded jar on one task queue of one Temporal server, each with its own
 * metrics port and data directory, all writing to one {@link SharedPostgres} by JDBC URL, as a
 * fleet across machines does. Their payload key is the machine's key file, which the test's client
 * reads too.
 */
public final class Fleet implements AutoCloseable {
  private static final Duration READY = Duration.ofMinutes(3);
  private final SettingsMap settings;
  private final List<Member> members = new ArrayList<>();

  /** One worker process of the fleet and the port of its {@code /metrics}. */
  public record Member(ChildWorker process, int metricsPort) {
    /** The identity the SDK gives the worker by default, {@code pid@host}: its pid is enough. */
    public boolean is(String workerIdentity) {
      return workerIdentity.startsWith(process.pid() + "@");
    }

    public MetricsScrape metrics() {
      return new MetricsScrape(metricsPort);
    }
  }

  public Fleet(TemporalTarget target, String taskQueue, SharedPostgres store) {
    settings =
        SettingsMap.forServer(target)
            .with(
                Map.of(
                    "TEMPORAL_TASK_QUEUE", taskQueue,
                    "APEX_STORE_JDBC_URL", store.jdbcUrl(),
                    "APEX_STORE_USER", store.user()));
  }

  /**
   * Starts {@code count} workers and waits until each is ready: the first alone, because it
   * migrates the store's schema, then the others at once.
   */
  public List<Member> start(int count) {
    List<Member> started = new ArrayList<>();
    started.add(awaitReady(launch()));
    List<Member> rest = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      rest.add(launch());
    }
    rest.forEach(member -> started.add(awaitReady(member)));
    return started;
  }

  private Member launch() {
    int metricsPort = FreePorts.next();
    Member member =
        new Member(
            ChildWorker.jar(
                settings
                    .with(
                        Map.of(
                            "TEMPORAL_METRICS_PORT",
                            String.valueOf(metricsPort),
                            "APEX_API_PORT",
                            String.valueOf(FreePorts.next())))
                    .variables()),
            metricsPort);
    members.add(member);
    return member;
  }

  private static Member awaitReady(Member member) {
    ChildWorker process = member.process();
    Deadline.require(
        READY,
        "a fleet worker to be ready",
        () -> process.output().contains("worker ready") || !process.alive());
    assertThat(process.alive()).as(process.output()).isTrue();
    return member;
  }

  /** SIGTERM to every live worker, each given a minute to drain and exit. */
  @Override
  public void close() throws InterruptedException {
    for (Member member : members) {
      if (member.process().alive()) {
        member.process().terminate();
      }
    }
    for (Member member : members) {
      if (member.process().alive()) {
        member.process().awaitExit(Duration.ofMinutes(1));
      }
    }
    members.clear();
  }
}
