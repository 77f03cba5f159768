package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.load.OpenLoop;
import io.apex.temporal.perf.load.ScenarioRecorder;
import io.apex.temporal.perf.settings.RampPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (b), open loop: starts workflows at a set rate, then at higher and higher rates, and
 * finds the highest rate whose p99 latency stays under the plan's bound. Each step waits for its
 * own results before the next begins, so one step's backlog does not count against the next. A step
 * that fails is run once more, and the ramp stops at a rate that fails twice in a row.
 */
public final class RateRampScenario {
  private static final Logger log = LoggerFactory.getLogger(RateRampScenario.class);

  private final ScenarioContext context;
  private final RampPlan plan;

  public RateRampScenario(ScenarioContext context, RampPlan plan) {
    this.context = context;
    this.plan = plan;
  }

  public RampResult run() throws InterruptedException {
    context.timeline().enter("open-loop ramp");
    OpenLoop loop = new OpenLoop(context.launcher(), context.drainTimeout());
    List<RampStep> steps = new ArrayList<>();
    int highest = 0;
    for (int index = 0; index < plan.maxSteps(); index++) {
      int rate = plan.rateOfStep(index);
      RampStep step = step(loop, rate);
      steps.add(step);
      if (!step.passed()) {
        // One bad step can be a pause elsewhere on the machine (a neighbour's build, a long
        // collection); a rate fails only when its repeat fails too.
        RampStep repeat = step(loop, rate);
        steps.add(repeat);
        if (!repeat.passed()) {
          return new RampResult(plan, steps, highest, true, repeat.verdict() + ", twice in a row");
        }
      }
      highest = rate;
    }
    return new RampResult(
        plan,
        steps,
        highest,
        false,
        "the last step, "
            + highest
            + "/s, still kept p99 under "
            + plan.p99BoundMs()
            + " ms: the limit is higher");
  }

  private RampStep step(OpenLoop loop, int rate) throws InterruptedException {
    ScenarioRecorder recorder = new ScenarioRecorder(context.timeline());
    OpenLoop.Run run = loop.run(rate, Duration.ofSeconds(plan.stepSeconds()), recorder);
    LatencySummary latency = LatencySummary.of(recorder.latencies());
    double startSeconds = (recorder.lastStartedNanos(run.beganNanos()) - run.beganNanos()) / 1e9;
    double achieved = startSeconds > 0 ? recorder.completed() / startSeconds : 0;
    String verdict;
    boolean passed = false;
    if (!run.drained()) {
      verdict =
          (run.launched() - recorder.completed() - recorder.failed())
              + " results still missing "
              + context.drainTimeout().toSeconds()
              + " s after the step";
    } else if (recorder.failed() > 0) {
      verdict = recorder.failed() + " workflows failed at " + rate + "/s";
    } else if (latency.p99Ms() > plan.p99BoundMs()) {
      verdict =
          "p99 "
              + latency.p99Ms()
              + " ms exceeds the bound of "
              + plan.p99BoundMs()
              + " ms at "
              + rate
              + "/s";
    } else {
      passed = true;
      verdict = "p99 under " + plan.p99BoundMs() + " ms";
    }
    log.info(
        "ramp step {}/s: p99 {} ms, {} failed: {}",
        rate,
        latency.p99Ms(),
        recorder.failed(),
        verdict);
    return new RampStep(
        rate,
        plan.stepSeconds(),
        run.launched(),
        recorder.completed(),
        recorder.failed(),
        achieved,
        latency,
        passed,
        verdict,
        recorder.slowest());
  }
}
