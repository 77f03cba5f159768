package io.apex.temporal.perf.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap this JVM still uses after a full collection: what it retains, not what it has yet to
 * collect. With G1 (the benchmark JVM's collector) an explicit GC is a full, compacting one.
 */
public final class HeapAfterGc {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  public long usedBytes() {
    // A second collection frees what the first only made unreachable, such as objects whose
    // cleaners ran during the first.
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
