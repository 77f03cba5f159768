package io.apex.temporal.perf.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.apex.temporal.perf.cpu.PhaseCpu;
import io.apex.temporal.perf.gaps.WhereTheTimeGoes;
import io.apex.temporal.perf.load.TimelinePoint;
import io.apex.temporal.perf.scenario.BurstResult;
import io.apex.temporal.perf.scenario.ClosedLoopResult;
import io.apex.temporal.perf.scenario.MemoryResult;
import io.apex.temporal.perf.scenario.RampResult;
import io.apex.temporal.perf.scenario.SequentialResult;
import io.apex.temporal.perf.scenario.WarmUpResult;
import io.apex.temporal.perf.target.TargetDescription;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measured and everything needed to judge it: settings, targets, machine, each
 * scenario's figures (absent when the scenario was not run), the floors and the timeline; then
 * where a sequential workflow's time goes (absent without scenario a) and each load phase's CPU per
 * workflow.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PerfReport(
    String generatedAt,
    String profile,
    boolean passed,
    Machine machine,
    Map<String, String> settings,
    List<TargetDescription> targets,
    WarmUpResult warmUp,
    SequentialResult sequential,
    ClosedLoopResult closedLoop,
    RampResult ramp,
    BurstResult burst,
    MemoryResult memory,
    List<FloorCheck> floors,
    List<TimelinePoint> timeline,
    WhereTheTimeGoes whereTheTimeGoes,
    List<PhaseCpu> cpu) {}
