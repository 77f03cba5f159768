package io.apex.temporal.perf;

import io.apex.temporal.perf.cpu.CpuMeter;
import io.apex.temporal.perf.gaps.HistoryGapSampler;
import io.apex.temporal.perf.gaps.WhereTheTimeGoes;
import io.apex.temporal.perf.load.ActivityCount;
import io.apex.temporal.perf.load.Timeline;
import io.apex.temporal.perf.load.WorkflowLauncher;
import io.apex.temporal.perf.memory.HeapAfterGc;
import io.apex.temporal.perf.report.FloorCheck;
import io.apex.temporal.perf.report.Floors;
import io.apex.temporal.perf.report.Machine;
import io.apex.temporal.perf.report.PerfReport;
import io.apex.temporal.perf.report.SettingsView;
import io.apex.temporal.perf.scenario.BurstScenario;
import io.apex.temporal.perf.scenario.ClosedLoopScenario;
import io.apex.temporal.perf.scenario.MemoryResult;
import io.apex.temporal.perf.scenario.MemoryScenario;
import io.apex.temporal.perf.scenario.RateRampScenario;
import io.apex.temporal.perf.scenario.RunResults;
import io.apex.temporal.perf.scenario.ScenarioContext;
import io.apex.temporal.perf.scenario.SequentialLatencyScenario;
import io.apex.temporal.perf.scenario.WarmUp;
import io.apex.temporal.perf.settings.PerfSettings;
import io.apex.temporal.perf.settings.Scenario;
import io.apex.temporal.perf.settings.ScenarioSizes;
import io.apex.temporal.perf.settings.ServerTuning;
import io.apex.temporal.perf.target.Phase;
import io.apex.temporal.perf.target.PhaseConfig;
import io.apex.temporal.perf.target.RunningTarget;
import io.apex.temporal.perf.target.TargetDescription;
import io.apex.temporal.perf.target.Targets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run: the throughput phase (warm-up, then scenarios a to c) against the chosen
 * target, then the memory phase (scenario d) against a fresh worker, then the floors.
 */
public final class BenchmarkRun {
  private static final Logger log = LoggerFactory.getLogger(BenchmarkRun.class);

  /** One workflow may take this long before it counts as failed: far beyond any healthy run. */
  private static final Duration WORKFLOW_TIMEOUT = Duration.ofMinutes(2);

  /** Longer than a workflow's timeout, so a stuck workflow ends as a failure, not a hang. */
  private static final Duration DRAIN_TIMEOUT = WORKFLOW_TIMEOUT.plusSeconds(30);

  private static final Duration TIMELINE_INTERVAL = Duration.ofSeconds(1);

  /** Sequential workflows whose histories are read back for "where the time goes". */
  private static final int GAP_SAMPLES = 50;

  private final PerfSettings settings;
  private final PhaseConfig phaseConfig;
  private final ServerTuning tuning;
  private final boolean eagerStart;
  private final CpuMeter cpu = CpuMeter.ofThisProcess();
  private WhereTheTimeGoes whereTheTimeGoes;

  /**
   * @param eagerStart start workflows through the worker's client, with eager workflow start
   */
  public BenchmarkRun(
      PerfSettings settings, PhaseConfig phaseConfig, ServerTuning tuning, boolean eagerStart) {
    this.settings = settings;
    this.phaseConfig = phaseConfig;
    this.tuning = tuning;
    this.eagerStart = eagerStart;
  }

  public PerfReport run() throws Exception {
    String runId = UUID.randomUUID().toString().substring(0, 8);
    ExecutorService starters = starterPool(settings.starterThreads());
    List<TargetDescription> targets = new ArrayList<>();
    RunResults results = RunResults.none();
    Timeline timeline = new Timeline(TIMELINE_INTERVAL);
    try (Targets targetFactory = new Targets(settings, phaseConfig, runId, tuning, eagerStart)) {
      if (runsThroughputPhase()) {
        try (RunningTarget target = targetFactory.open(Phase.THROUGHPUT)) {
          targets.add(target.description());
          results =
              throughputPhase(
                  context(target, starters, timeline, "perf-" + runId + "-"),
                  target,
                  targetFactory);
        }
      }
      if (settings.runs(Scenario.MEMORY)) {
        results =
            results.withMemory(memoryPhase(targetFactory, targets, starters, timeline, runId));
      }
    } finally {
      timeline.close();
      starters.shutdownNow();
    }
    List<FloorCheck> floors = Floors.check(results, settings.allowedNotRun());
    return new PerfReport(
        Instant.now().toString(),
        settings.profile().label(),
        Floors.passed(floors),
        Machine.current(),
        SettingsView.of(settings),
        targets,
        results.warmUp(),
        results.sequential(),
        results.closedLoop(),
        results.ramp(),
        results.burst(),
        results.memory(),
        floors,
        timeline.points(),
        whereTheTimeGoes,
        cpu.phases());
  }

  private boolean runsThroughputPhase() {
    return settings.runs(Scenario.SEQUENTIAL)
        || settings.runs(Scenario.CLOSED_LOOP)
        || settings.runs(Scenario.RAMP)
        || settings.runs(Scenario.BURST);
  }

  private RunResults throughputPhase(
      ScenarioContext context, RunningTarget target, Targets targetFactory)
      throws InterruptedException {
    ScenarioSizes sizes = settings.sizes();
    log.info(
        "warm-up: {} workflows at concurrency {}", sizes.warmupWorkflows(), sizes.concurrency());
    CpuMeter.Mark mark = cpuMark("warm-up", context, targetFactory);
    RunResults results =
        RunResults.none()
            .withWarmUp(new WarmUp(context, sizes.warmupWorkflows(), sizes.concurrency()).run());
    mark.end();
    if (settings.runs(Scenario.SEQUENTIAL)) {
      log.info("sequential latency: {} workflows", sizes.sequentialWorkflows());
      mark = cpuMark("sequential", context, targetFactory);
      SequentialLatencyScenario sequential =
          new SequentialLatencyScenario(context, sizes.sequentialWorkflows());
      results = results.withSequential(sequential.run());
      mark.end();
      whereTheTimeGoes =
          HistoryGapSampler.of(target.client())
              .measure(evenlySpread(sequential.timings(), GAP_SAMPLES));
    }
    if (settings.runs(Scenario.CLOSED_LOOP)) {
      log.info(
          "closed loop: concurrency {} for {} s", sizes.concurrency(), sizes.closedLoopSeconds());
      mark = cpuMark("closed loop", context, targetFactory);
      results =
          results.withClosedLoop(
              new ClosedLoopScenario(
                      context, sizes.concurrency(), Duration.ofSeconds(sizes.closedLoopSeconds()))
                  .run());
      mark.end();
    }
    if (settings.runs(Scenario.RAMP)) {
      log.info("open-loop ramp: {}", sizes.ramp());
      mark = cpuMark("open-loop ramp", context, targetFactory);
      results = results.withRamp(new RateRampScenario(context, sizes.ramp()).run());
      mark.end();
    }
    if (settings.runs(Scenario.BURST)) {
      log.info("burst: {} workflows at once", sizes.burstWorkflows());
      mark = cpuMark("burst", context, targetFactory);
      results = results.withBurst(new BurstScenario(context, sizes.burstWorkflows()).run());
      mark.end();
    }
    return results;
  }

  private CpuMeter.Mark cpuMark(String phase, ScenarioContext context, Targets targetFactory) {
    return cpu.begin(phase, targetFactory::serverCpuTime, context.launcher()::launched);
  }

  /** At most {@code count} of the items, spread evenly over the whole list. */
  static <T> List<T> evenlySpread(List<T> items, int count) {
    if (items.size() <= count) {
      return items;
    }
    List<T> chosen = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chosen.add(items.get((int) ((long) i * items.size() / count)));
    }
    return chosen;
  }

  private MemoryResult memoryPhase(
      Targets targetFactory,
      List<TargetDescription> targets,
      ExecutorService starters,
      Timeline timeline,
      String runId)
      throws Exception {
    if (settings.loadOnly()) {
      return MemoryResult.notMeasured(
          "load-only mode: the worker runs in another process,"
              + " whose heap this run cannot sample");
    }
    ScenarioSizes sizes = settings.sizes();
    try (RunningTarget target = targetFactory.open(Phase.MEMORY)) {
      targets.add(target.description());
      log.info(
          "memory: {} workflows, heap sampled every {}",
          sizes.memoryWorkflows(),
          sizes.memorySampleEvery());
      ScenarioContext context = context(target, starters, timeline, "perf-" + runId + "-m-");
      CpuMeter.Mark mark = cpuMark("memory (with its full GCs)", context, targetFactory);
      MemoryResult result =
          new MemoryScenario(
                  context,
                  new HeapAfterGc(),
                  target.description().server(),
                  sizes.memoryWorkflows(),
                  sizes.memorySampleEvery(),
                  sizes.concurrency())
              .run();
      mark.end();
      return result;
    }
  }

  private ScenarioContext context(
      RunningTarget target, ExecutorService starters, Timeline timeline, String idPrefix) {
    WorkflowLauncher launcher =
        new WorkflowLauncher(
            target.client(),
            target.description().taskQueue(),
            idPrefix,
            starters,
            WORKFLOW_TIMEOUT,
            eagerStart);
    return new ScenarioContext(
        launcher, timeline, DRAIN_TIMEOUT, ActivityCount.of(target.client()));
  }

  private static ExecutorService starterPool(int threads) {
    AtomicInteger number = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        runnable -> {
          Thread thread = new Thread(runnable, "perf-starter-" + number.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
