package io.apex.temporal.perf.report;

import io.apex.temporal.perf.settings.PerfSetting;
import io.apex.temporal.perf.settings.PerfSettings;
import io.apex.temporal.perf.settings.RampPlan;
import io.apex.temporal.perf.settings.Scenario;
import io.apex.temporal.perf.settings.ScenarioSizes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The effective value of every benchmark setting, keyed by its system property. */
public final class SettingsView {
  private SettingsView() {}

  public static Map<String, String> of(PerfSettings settings) {
    ScenarioSizes sizes = settings.sizes();
    RampPlan ramp = sizes.ramp();
    Map<PerfSetting, Object> values = new LinkedHashMap<>();
    values.put(PerfSetting.PROFILE, settings.profile().label());
    values.put(PerfSetting.TARGET, settings.target().label());
    values.put(PerfSetting.LOAD_ONLY, settings.loadOnly());
    values.put(
        PerfSetting.SCENARIOS,
        settings.scenarios().stream()
            .sorted()
            .map(Scenario::label)
            .collect(Collectors.joining(",")));
    values.put(PerfSetting.REPORT_DIR, settings.reportDir());
    values.put(PerfSetting.WARMUP_WORKFLOWS, sizes.warmupWorkflows());
    values.put(PerfSetting.SEQUENTIAL_WORKFLOWS, sizes.sequentialWorkflows());
    values.put(PerfSetting.CONCURRENCY, sizes.concurrency());
    values.put(PerfSetting.CLOSED_LOOP_SECONDS, sizes.closedLoopSeconds());
    values.put(PerfSetting.RAMP_START_RATE, ramp.startRate());
    values.put(PerfSetting.RAMP_FACTOR, ramp.factor());
    values.put(PerfSetting.RAMP_STEP_SECONDS, ramp.stepSeconds());
    values.put(PerfSetting.RAMP_MAX_STEPS, ramp.maxSteps());
    values.put(PerfSetting.RAMP_P99_BOUND_MS, ramp.p99BoundMs());
    values.put(PerfSetting.BURST_WORKFLOWS, sizes.burstWorkflows());
    values.put(PerfSetting.MEMORY_WORKFLOWS, sizes.memoryWorkflows());
    values.put(PerfSetting.MEMORY_SAMPLE_EVERY, sizes.memorySampleEvery());
    values.put(PerfSetting.STARTER_THREADS, settings.starterThreads());
    values.put(
        PerfSetting.ALLOW_NOT_RUN,
        settings.allowedNotRun().stream()
            .sorted()
            .map(Scenario::label)
            .collect(Collectors.joining(",")));
    Map<String, String> view = new LinkedHashMap<>();
    values.forEach((setting, value) -> view.put(setting.property(), String.valueOf(value)));
    return view;
  }
}
