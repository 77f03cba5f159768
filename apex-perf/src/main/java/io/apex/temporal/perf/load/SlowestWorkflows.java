package io.apex.temporal.perf.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The few slowest workflows of a scenario, by ID, so that a person can open their histories (in the
 * UI or with {@code temporal workflow show}) and see where a tail latency came from.
 */
final class SlowestWorkflows {
  private final int kept;
  private final PriorityQueue<SlowWorkflow> fastestFirst =
      new PriorityQueue<>(Comparator.comparingDouble(SlowWorkflow::latencyMs));

  SlowestWorkflows(int kept) {
    this.kept = kept;
  }

  synchronized void offer(Completion completion) {
    double latencyMs = completion.latencyNanos() / 1e6;
    if (fastestFirst.size() < kept) {
      fastestFirst.add(new SlowWorkflow(completion.workflowId(), latencyMs));
    } else if (fastestFirst.peek().latencyMs() < latencyMs) {
      fastestFirst.poll();
      fastestFirst.add(new SlowWorkflow(completion.workflowId(), latencyMs));
    }
  }

  synchronized List<SlowWorkflow> slowestFirst() {
    List<SlowWorkflow> list = new ArrayList<>(fastestFirst);
    list.sort(Comparator.comparingDouble(SlowWorkflow::latencyMs).reversed());
    return list;
  }
}
