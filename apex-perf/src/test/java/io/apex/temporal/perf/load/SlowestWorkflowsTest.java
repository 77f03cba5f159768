package io.apex.temporal.perf.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlowestWorkflowsTest {

  @Test
  void keepsOnlyTheSlowestSlowestFirst() {
    SlowestWorkflows slowest = new SlowestWorkflows(2);
    slowest.offer(new Completion("fast", 0, 0, 1_000_000));
    slowest.offer(new Completion("slowest", 0, 0, 9_000_000));
    slowest.offer(new Completion("slow", 0, 0, 5_000_000));

    assertThat(slowest.slowestFirst())
        .extracting(SlowWorkflow::workflowId)
        .containsExactly("slowest", "slow");
    assertThat(slowest.slowestFirst().get(0).latencyMs()).isEqualTo(9.0);
  }
}
