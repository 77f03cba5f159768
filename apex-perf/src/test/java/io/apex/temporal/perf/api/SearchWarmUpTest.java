package io.apex.temporal.perf.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SearchWarmUpTest {
  @Test
  void stopsAfterTwoRoundsInARowInWhichTheCompilersWereQuiet() throws Exception {
    var compiled = new AtomicLong();
    // Rounds of 20 ms: the compilers work 15 ms in rounds 0, 1 and 3, then nothing.
    var done =
        new SearchWarmUp(100, 60)
            .run(
                round -> {
                  pause(20);
                  compiled.addAndGet(round < 2 || round == 3 ? 15 : 0);
                  return 100;
                },
                compiled::get);
    assertThat(done).isEqualTo(new SearchWarmUp.Done(600, true));
  }

  @Test
  void givesUpWhenItsTimeIsOutAndSaysTheCompilersWereNotQuiet() throws Exception {
    var compiled = new AtomicLong();
    var done =
        new SearchWarmUp(10, 0)
            .run(
                round -> {
                  pause(5);
                  compiled.addAndGet(5);
                  return 10;
                },
                compiled::get);
    assertThat(done).isEqualTo(new SearchWarmUp.Done(10, false));
  }

  /** Stands for a round's queries: busy for {@code millis}, the compilers' clock set by hand. */
  private static void pause(long millis) {
    long until = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }
}
