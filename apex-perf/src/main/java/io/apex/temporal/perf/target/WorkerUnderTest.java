package io.apex.temporal.perf.target;

import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.runtime.Managed;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.temporal.client.WorkflowClient;

/** Our real worker runtime, with the standard workflows, as a part of a benchmark target. */
public final class WorkerUnderTest implements Managed {
  private final WorkerRuntime runtime;

  public WorkerUnderTest(TemporalConfig config) {
    this.runtime = new WorkerRuntime(config, WorkflowCatalog.standard());
  }

  @Override
  public String name() {
    return "worker runtime";
  }

  @Override
  public void start() throws Exception {
    runtime.start();
  }

  /** The worker's own client, the one its worker factory polls with. */
  public WorkflowClient client() {
    return runtime.client();
  }

  @Override
  public void stop() {
    runtime.stop();
  }
}
