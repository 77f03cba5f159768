package io.apex.temporal.worker.internal.polling;

import io.apex.temporal.client.internal.connection.TemporalConnection;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.runtime.DrainOutcome;
import io.apex.temporal.worker.runtime.Managed;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK worker on our task queue. Stopping it drains: polling stops, in-flight tasks get up to
 * the drain timeout to finish, then whatever still runs is interrupted.
 */
public final class PollingWorker implements Managed {
  private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
  private static final Duration HARD_STOP_WAIT = Duration.ofSeconds(5);

  private final TemporalConfig config;
  private final TemporalConnection connection;
  private final Supplier<List<WorkerInterceptor>> interceptors;
  private final Supplier<WorkflowCatalog> catalog;
  private final InFlightActivities inFlight = new InFlightActivities();
  private ActivityHeartbeats heartbeats;
  private WorkerFactory factory;
  private volatile DrainOutcome drainOutcome;

  /**
   * @param interceptors further worker interceptors (tracing), asked for at start
   */
  public PollingWorker(
      TemporalConfig config,
      TemporalConnection connection,
      Supplier<WorkflowCatalog> catalog,
      Supplier<List<WorkerInterceptor>> interceptors) {
    this.config = config;
    this.connection = connection;
    this.interceptors = interceptors;
    this.catalog = catalog;
  }

  @Override
  public String name() {
    return "worker on task queue " + config.runtime().taskQueue();
  }

  @Override
  public void start() {
    // Asked for here, after the parts before polling (ingestion's components) have started.
    WorkflowCatalog catalog = this.catalog.get();
    boolean sticky = !connection.serverVersion().isEmpty();
    if (!sticky) {
      log.info(
          "the server reports no version, as only the Java test server does: sticky"
              + " execution off, because that server never hands a stopped worker's cached workflows"
              + " back to the task queue");
    }
    heartbeats = new ActivityHeartbeats();
    factory =
        WorkerFactory.newInstance(
            connection.client(),
            WorkerOptionsFactory.factoryOptions(config.limits(), allInterceptors()));
    Worker worker =
        factory.newWorker(
            config.runtime().taskQueue(),
            WorkerOptionsFactory.workerOptions(config.limits(), config.versioning(), sticky));
    catalog
        .workflowTypes()
        .forEach(
            type ->
                worker.registerWorkflowImplementationTypes(catalog.implementationOptions(), type));
    worker.registerActivitiesImplementations(catalog.activities().toArray());
    factory.start();
    log.info(
        "polling task queue {} in namespace {}: workflows {}, activities {}, at most {} workflow"
            + " tasks and {} activities at once{}",
        config.runtime().taskQueue(),
        config.connection().namespace(),
        catalog.workflowTypeNames(),
        catalog.activityTypeNames(),
        config.limits().maxWorkflowTasks(),
        config.limits().maxActivities(),
        config.versioning().enabled()
            ? ", deployment "
                + config.versioning().deploymentName()
                + " build "
                + config.versioning().buildId()
            : "");
  }

  private List<WorkerInterceptor> allInterceptors() {
    List<WorkerInterceptor> all =
        new ArrayList<>(List.of(inFlight, heartbeats, new UnknownQueryRefusal()));
    all.addAll(interceptors.get());
    return all;
  }

  /** True between a successful start and the beginning of a stop. */
  public boolean polling() {
    WorkerFactory current = factory;
    return current != null && current.isStarted() && !current.isShutdown();
  }

  public int inFlightActivities() {
    return inFlight.count();
  }

  /** How the last stop went; absent until the worker has stopped. */
  public java.util.Optional<DrainOutcome> drainOutcome() {
    return java.util.Optional.ofNullable(drainOutcome);
  }

  @Override
  public void stop() {
    if (factory == null) {
      return;
    }
    long begin = System.nanoTime();
    try {
      drain();
      heartbeats.close();
    } catch (RuntimeException e) {
      // Whatever went wrong, the drain did not finish: never report it as clean.
      drainOutcome =
          new DrainOutcome(
              false, Duration.ofNanos(System.nanoTime() - begin), inFlight.count(), pollsCutOff());
      log.warn(
          "drain of task queue {} failed ({}); stopping at once",
          config.runtime().taskQueue(),
          e.toString());
      log.debug("drain failure", e);
      stopNow();
    }
  }

  private void drain() {
    Duration timeout = config.runtime().drainTimeout();
    long begin = System.nanoTime();
    log.info(
        "draining task queue {}: polling stopped, waiting up to {} ms for {} in-flight activities",
        config.runtime().taskQueue(),
        timeout.toMillis(),
        inFlight.count());
    factory.shutdown();
    long deadline = begin + timeout.toNanos();
    while (!factory.isTerminated() && System.nanoTime() < deadline) {
      long slice = Math.min(PROGRESS_EVERY.toNanos(), deadline - System.nanoTime());
      factory.awaitTermination(Math.max(slice, 1), TimeUnit.NANOSECONDS);
      if (!factory.isTerminated()) {
        log.info(
            "still draining task queue {}: {} activities in flight, {} ms left",
            config.runtime().taskQueue(),
            inFlight.count(),
            TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    if (factory.isTerminated()) {
      drainOutcome = new DrainOutcome(true, took, 0, pollsCutOff());
      if (pollsCutOff()) {
        log.warn(
            "drained task queue {} in {} ms: every task this worker had taken finished, but"
                + " its polls in flight were cut off because the server at {} does not complete polls"
                + " on worker shutdown (frontend.enableCancelWorkerPollsOnShutdown); a task it handed"
                + " over at that moment is retried by the server after its timeout",
            config.runtime().taskQueue(),
            took.toMillis(),
            config.connection().target());
      } else {
        log.info(
            "drained task queue {} cleanly in {} ms: every task this worker had taken"
                + " finished, and the server completed its polls in flight",
            config.runtime().taskQueue(),
            took.toMillis());
      }
      return;
    }
    int interrupted = inFlight.count();
    factory.shutdownNow();
    factory.awaitTermination(HARD_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    drainOutcome = new DrainOutcome(false, took, interrupted, pollsCutOff());
    log.warn(
        "drain of task queue {} timed out after {} ms; interrupted {} activities, which Temporal"
            + " retries after their timeout",
        config.runtime().taskQueue(),
        timeout.toMillis(),
        interrupted);
  }

  /** Whether stopping cancels the polls in flight rather than letting the server complete them. */
  private boolean pollsCutOff() {
    return !connection.pollsCompleteOnShutdown();
  }

  /** Stops at once, interrupting in-flight tasks: what a crash looks like to the server. */
  public void stopNow() {
    if (factory != null) {
      factory.shutdownNow();
      factory.awaitTermination(HARD_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      heartbeats.close();
    }
  }
}
