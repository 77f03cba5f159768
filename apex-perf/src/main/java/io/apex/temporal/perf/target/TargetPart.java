package io.apex.temporal.perf.target;

import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.worker.runtime.Managed;

/** A test kit server as a part of the benchmark's lifecycle, started and stopped in turn. */
public final class TargetPart implements Managed {
  private final TemporalTarget target;

  public TargetPart(TemporalTarget target) {
    this.target = target;
  }

  @Override
  public String name() {
    return target.name();
  }

  @Override
  public void start() {
    target.start();
  }

  @Override
  public void stop() {
    target.stop();
  }
}
