package io.apex.temporal.perf.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CpuMeterTest {
  private final AtomicLong jvmMillis = new AtomicLong(1_000);
  private final AtomicLong serverMillis = new AtomicLong(5_000);
  private final AtomicLong workflows = new AtomicLong(300);
  private final CpuMeter meter =
      new CpuMeter(() -> Optional.of(Duration.ofMillis(jvmMillis.get())));

  @Test
  void aPhaseCostsTheCpuSpentDuringItDividedByTheWorkflowsItStarted() {
    CpuMeter.Mark mark =
        meter.begin(
            "closed loop",
            () -> Optional.of(Duration.ofMillis(serverMillis.get())),
            workflows::get);
    jvmMillis.addAndGet(800);
    serverMillis.addAndGet(1_200);
    workflows.addAndGet(200);

    PhaseCpu cpu = mark.end();

    assertThat(cpu.phase()).isEqualTo("closed loop");
    assertThat(cpu.workflows()).isEqualTo(200);
    assertThat(cpu.benchmarkJvmCpuMs()).isEqualTo(800.0);
    assertThat(cpu.benchmarkJvmCpuMsPerWorkflow()).isEqualTo(4.0);
    assertThat(cpu.serverCpuMs()).isEqualTo(1_200.0);
    assertThat(cpu.serverCpuMsPerWorkflow()).isEqualTo(6.0);
    assertThat(meter.phases()).containsExactly(cpu);
  }

  @Test
  void aServerThatIsNotOurProcessIsNotMeasuredRatherThanZero() {
    CpuMeter.Mark mark = meter.begin("sequential", Optional::empty, workflows::get);
    workflows.addAndGet(10);

    PhaseCpu cpu = mark.end();

    assertThat(cpu.serverCpuMs()).isEqualTo(-1);
    assertThat(cpu.serverCpuMsPerWorkflow()).isEqualTo(-1);
  }

  @Test
  void aPhaseWithoutWorkflowsHasNoPerWorkflowFigure() {
    PhaseCpu cpu = meter.begin("empty", Optional::empty, workflows::get).end();

    assertThat(cpu.benchmarkJvmCpuMsPerWorkflow()).isEqualTo(-1);
  }

  @Test
  void thisProcessesCountersAdvanceWhenItWorks() {
    CpuMeter real = CpuMeter.ofThisProcess();
    CpuMeter.Mark mark = real.begin("spin", Optional::empty, () -> 1);
    long deadline = System.nanoTime() + 200_000_000L;
    long sink = 0;
    while (System.nanoTime() < deadline) {
      sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
    }
    PhaseCpu cpu = mark.end();

    assertThat(cpu.benchmarkJvmCpuMs()).as("spun %d", sink).isGreaterThan(50);
  }
}
