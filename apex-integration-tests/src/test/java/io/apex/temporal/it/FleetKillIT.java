package io.apex.temporal.it;

import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.client.DocumentOutcome;
import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.client.StartedIngestion;
import io.apex.temporal.it.support.Fleet;
import io.apex.temporal.it.support.Histories;
import io.apex.temporal.it.support.InFlightActivities;
import io.apex.temporal.it.support.InFlightActivities.ActivityRef;
import io.apex.temporal.it.support.OnePageDocuments;
import io.apex.temporal.it.support.SharedStoreFleetTest;
import io.apex.temporal.it.support.StoreRows;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.workflows.ingestion.DocumentIds;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 13's many workers: three worker jar processes on one task queue of a real Temporal server,
 * sharing one PostgreSQL by JDBC URL, ingest 300 documents; one is killed with -9 while it has
 * activities in flight. Every document is stored exactly once, and the only retried activities are
 * the ones the killed worker had in flight, each retried once by another worker.
 */
@DisplayName("three ingestion workers on temporal server start-dev, one killed with -9")
class FleetKillIT extends SharedStoreFleetTest {
  private static final Logger log = LoggerFactory.getLogger(FleetKillIT.class);
  private static final int DOCUMENTS = 300;

  /**
   * Time from an attempt's timeout to its retry's start, beyond the first backoff: the server's
   * timer and a free worker's poll on a loaded 2-core machine. Well below the start-to-close
   * timeouts (30 s and more) that would apply without heartbeats.
   */
  private static final Duration RETRY_MARGIN = Duration.ofSeconds(8);

  @Test
  void threeWorkersStoreThreeHundredDocumentsOnceAndOnlyTheKilledWorkersActivitiesAreRetried()
      throws Exception {
    String queue = uniqueQueue("fleet");
    List<Path> files =
        OnePageDocuments.write(Files.createTempDirectory("apex-fleet-docs"), 0, DOCUMENTS);
    StoreRows rows = store().rows();
    try (Fleet fleet = new Fleet(target, queue, store())) {
      long launched = System.nanoTime();
      List<Fleet.Member> members = fleet.start(3);
      log.info(
          "3 workers ready in {} s", Duration.ofNanos(System.nanoTime() - launched).toSeconds());
      Fleet.Member victim = members.get(1);
      IngestionClient ingestion = new IngestionClient(client(), queue);
      long begun = System.nanoTime();
      // Started from another thread: the workers ingest while the rest are still being started.
      CompletableFuture<List<StartedIngestion>> starting =
          CompletableFuture.supplyAsync(
              () -> files.stream().map(file -> ingestion.start("fleet", file)).toList());
      List<String> workflowIds =
          files.stream()
              .map(file -> DocumentIds.of("fleet", file.toAbsolutePath().normalize().toString()))
              .map(DocumentIngestionWorkflow::workflowId)
              .toList();

      Deadline.require(
          Duration.ofMinutes(3),
          "some documents stored while the worker to kill runs activities",
          () ->
              rows.countOrZero("SELECT count(*) FROM documents") >= DOCUMENTS / 10
                  && activitySlotsUsed(victim, queue) > 0);
      victim.process().kill();
      Instant killedAtClock = Instant.now();
      long storedAtKill = rows.count("SELECT count(*) FROM documents");
      long killedAt = System.nanoTime();
      Set<ActivityRef> inFlightOnVictim =
          InFlightActivities.startedBy(client(), victim::is, workflowIds);
      log.info(
          "killed worker pid {} after {} s with {} documents stored and {} activities in flight on"
              + " it (found in {} ms)",
          victim.process().pid(),
          Duration.ofNanos(killedAt - begun).toSeconds(),
          storedAtKill,
          inFlightOnVictim.size(),
          Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
      assertThat(storedAtKill).as("the kill came mid-run").isLessThan(DOCUMENTS);
      assertThat(inFlightOnVictim).as("activities in flight on the killed worker").isNotEmpty();
      List<StartedIngestion> started = starting.get(3, TimeUnit.MINUTES);

      List<DocumentOutcome> outcomes = await(ingestion, started, Duration.ofMinutes(6));
      log.info(
          "{} documents on 3 workers, one killed, in {} s",
          DOCUMENTS,
          Duration.ofNanos(System.nanoTime() - begun).toSeconds());

      assertThat(outcomes)
          .extracting(DocumentOutcome::kind)
          .containsOnly(DocumentOutcome.Kind.OK)
          .hasSize(DOCUMENTS);
      assertStoredExactlyOnce(rows, outcomes);
      assertOnlyTheKilledWorkersActivitiesWereRetried(
          started, members, victim, inFlightOnVictim, killedAtClock);
    }
  }

  private static double activitySlotsUsed(Fleet.Member member, String queue) {
    return member
        .metrics()
        .sum(
            "temporal_worker_task_slots_used",
            "task_queue=\"" + queue + "\"",
            "worker_type=\"ActivityWorker\"")
        .orElse(0);
  }

  private static List<DocumentOutcome> await(
      IngestionClient client, List<StartedIngestion> started, Duration timeout) throws Exception {
    List<CompletableFuture<DocumentOutcome>> outcomes =
        started.stream().map(client::outcome).toList();
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
        .get(timeout.toSeconds(), TimeUnit.SECONDS);
    return outcomes.stream().map(CompletableFuture::join).toList();
  }

  /**
   * One current row and one live version per document, each chunk once, no mention twice, nothing
   * left staged.
   */
  private static void assertStoredExactlyOnce(StoreRows rows, List<DocumentOutcome> outcomes) {
    Map<String, Long> expectedChunks =
        outcomes.stream()
            .collect(Collectors.toMap(DocumentOutcome::documentId, o -> (long) o.chunks()));
    assertThat(expectedChunks).hasSize(DOCUMENTS).doesNotContainValue(0L);
    assertThat(rows.countsByKey("SELECT document_id, count(*) FROM documents GROUP BY 1"))
        .isEqualTo(ones(expectedChunks.keySet()));
    assertThat(
            rows.countsByKey(
                "SELECT document_id, count(*) FROM document_versions WHERE ended_at IS NULL"
                    + " GROUP BY 1"))
        .isEqualTo(ones(expectedChunks.keySet()));
    assertThat(rows.count("SELECT count(*) FROM document_versions")).isEqualTo(DOCUMENTS);
    assertThat(rows.countsByKey("SELECT document_id, count(*) FROM chunks GROUP BY 1"))
        .isEqualTo(expectedChunks);
    assertThat(
            rows.countsByKey(
                "SELECT document_id, chunk_count::bigint FROM documents GROUP BY 1, 2"))
        .isEqualTo(expectedChunks);
    assertThat(
            rows.count(
                "SELECT count(*) FROM (SELECT document_id, chunk_index, start_offset, end_offset"
                    + " FROM mentions GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) twice"))
        .as("mentions stored twice")
        .isZero();
    assertThat(rows.count("SELECT count(DISTINCT document_id) FROM mentions"))
        .as("documents with entities")
        .isEqualTo(DOCUMENTS);
    assertThat(rows.count("SELECT count(*) FROM staged_documents")).isZero();
  }

  private static Map<String, Long> ones(Set<String> keys) {
    Map<String, Long> ones = new HashMap<>();
    keys.forEach(key -> ones.put(key, 1L));
    return ones;
  }

  /**
   * Each workflow completed once and each of its activities completed once. The activities that
   * took a second attempt are exactly those the killed worker had started, each lost to a timeout
   * and completed by another worker on attempt 2; no other activity was retried. Each was lost to
   * whichever of its heartbeat and start-to-close timeouts is shorter (the heartbeat timeout for
   * every step but cleanup), and its retry started within that timeout, its first backoff and a
   * margin after the kill.
   */
  private void assertOnlyTheKilledWorkersActivitiesWereRetried(
      List<StartedIngestion> started,
      List<Fleet.Member> members,
      Fleet.Member victim,
      Set<ActivityRef> inFlightOnVictim,
      Instant killedAt) {
    Set<ActivityRef> retried = new HashSet<>();
    Set<String> identities = new HashSet<>();
    long attempts = 0;
    long scheduled = 0;
    long workflowTaskTimeouts = 0;
    for (StartedIngestion s : started) {
      String workflowId = DocumentIngestionWorkflow.workflowId(s.documentId());
      List<HistoryEvent> events = Histories.events(client(), workflowId);
      assertThat(events.stream().filter(e -> is(e, EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)))
          .as(workflowId)
          .hasSize(1);
      long scheduledHere =
          events.stream().filter(e -> is(e, EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)).count();
      assertThat(events.stream().filter(e -> is(e, EVENT_TYPE_ACTIVITY_TASK_COMPLETED)).count())
          .as("%s: activities completed, one per scheduled", workflowId)
          .isEqualTo(scheduledHere);
      scheduled += scheduledHere;
      workflowTaskTimeouts +=
          events.stream().filter(e -> is(e, EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT)).count();
      Map<Long, ActivityTaskScheduledEventAttributes> schedules = new HashMap<>();
      for (HistoryEvent event : events) {
        if (is(event, EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)) {
          schedules.put(event.getEventId(), event.getActivityTaskScheduledEventAttributes());
        } else if (is(event, EVENT_TYPE_ACTIVITY_TASK_STARTED)) {
          ActivityTaskStartedEventAttributes start = event.getActivityTaskStartedEventAttributes();
          attempts += start.getAttempt();
          identities.add(start.getIdentity());
          if (start.getAttempt() > 1) {
            ActivityTaskScheduledEventAttributes schedule =
                schedules.get(start.getScheduledEventId());
            ActivityRef ref = new ActivityRef(workflowId, schedule.getActivityId());
            retried.add(ref);
            assertRetriedAfterItsTimeout(ref, schedule, start, event, killedAt);
            assertThat(start.getAttempt()).as("%s attempts", ref).isEqualTo(2);
            assertThat(start.getLastFailure().hasTimeoutFailureInfo())
                .as("%s lost its first attempt to a timeout: %s", ref, start.getLastFailure())
                .isTrue();
            assertThat(victim.is(start.getIdentity()))
                .as("%s completed by a live worker", ref)
                .isFalse();
          }
        }
      }
    }
    log.info(
        "{} activities scheduled, {} attempts, {} retried ({} were in flight on the killed worker),"
            + " {} workflow task timeouts",
        scheduled,
        attempts,
        retried.size(),
        inFlightOnVictim.size(),
        workflowTaskTimeouts);
    // The queue was shared: each of the three ran activities to completion, the killed one before
    // its kill.
    for (Fleet.Member member : members) {
      assertThat(identities)
          .as("activities run by worker pid %d", member.process().pid())
          .anyMatch(member::is);
    }
    assertThat(retried).isEqualTo(inFlightOnVictim);
    assertThat(attempts).isEqualTo(scheduled + inFlightOnVictim.size());
  }

  /**
   * The first attempt died with the worker and was lost to the heartbeat timeout (or to a shorter
   * start-to-close timeout), not to a longer start-to-close timeout: the retry started soon after
   * the kill.
   */
  private static void assertRetriedAfterItsTimeout(
      ActivityRef ref,
      ActivityTaskScheduledEventAttributes schedule,
      ActivityTaskStartedEventAttributes start,
      HistoryEvent startedEvent,
      Instant killedAt) {
    Duration heartbeat = duration(schedule.getHeartbeatTimeout());
    Duration startToClose = duration(schedule.getStartToCloseTimeout());
    assertThat(heartbeat).as("%s heartbeat timeout", ref).isPositive();
    boolean heartbeatFirst = heartbeat.compareTo(startToClose) < 0;
    assertThat(start.getLastFailure().getTimeoutFailureInfo().getTimeoutType())
        .as("%s lost its first attempt to: %s", ref, start.getLastFailure())
        .isEqualTo(
            heartbeatFirst
                ? TimeoutType.TIMEOUT_TYPE_HEARTBEAT
                : TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE);
    Duration bound =
        (heartbeatFirst ? heartbeat : startToClose)
            .plus(duration(schedule.getRetryPolicy().getInitialInterval()))
            .plus(RETRY_MARGIN);
    // An attempt's started event carries the time the attempt started, though it is written when
    // the attempt ends.
    Instant retriedAt =
        Instant.ofEpochSecond(
            startedEvent.getEventTime().getSeconds(), startedEvent.getEventTime().getNanos());
    assertThat(Duration.between(killedAt, retriedAt))
        .as("%s retried this long after the kill (within %s)", ref, bound)
        .isLessThanOrEqualTo(bound);
  }

  private static Duration duration(com.google.protobuf.Duration duration) {
    return Duration.ofSeconds(duration.getSeconds(), duration.getNanos());
  }

  private static boolean is(HistoryEvent event, io.temporal.api.enums.v1.EventType type) {
    return event.getEventType() == type;
  }
}
