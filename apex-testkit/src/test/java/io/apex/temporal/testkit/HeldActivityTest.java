package io.apex.temporal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.workflows.internal.greeting.GreetingActivitiesImpl;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeldActivityTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void aCallIsHeldUntilReleasedAndThenGreets() throws Exception {
    HeldActivity held = new HeldActivity();

    Future<String> call = threads.submit(() -> held.greet("Ada"));
    held.awaitStarted(1, WAIT);

    assertThat(call).isNotDone();
    assertThat(held.completed()).isZero();
    held.release();
    assertThat(call.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(GreetingActivitiesImpl.greeting("Ada"));
    assertThat(held.started()).isEqualTo(1);
    assertThat(held.completed()).isEqualTo(1);
    assertThat(held.interrupted()).isZero();
  }

  @Test
  void anInterruptWhileHeldIsCountedAndFailsTheCall() throws Exception {
    HeldActivity held = new HeldActivity();
    Future<String> call = threads.submit(() -> held.greet("Ada"));
    held.awaitStarted(1, WAIT);

    call.cancel(true);

    Deadline.require(WAIT, "the interrupt to be counted", () -> held.interrupted() == 1);
    held.release();
    assertThat(held.completed()).isZero();
  }

  @Test
  void onlyMatchingNamesAreHeldAndNoCallOutlivesTheLongestHold() {
    HeldActivity held =
        HeldActivity.holding(name -> name.startsWith("hold-"), Duration.ofMillis(200));

    assertThat(held.greet("Ada")).isEqualTo(GreetingActivitiesImpl.greeting("Ada"));
    assertThat(held.started()).isZero();
    assertThatThrownBy(() -> held.greet("hold-1")).hasMessageContaining("never released");
    assertThat(held.started()).isEqualTo(1);
    assertThat(held.completed()).isZero();
  }

  @Test
  void aCallIsReleasedByAConditionOutsideTheTest()
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    AtomicBoolean markerWritten = new AtomicBoolean();
    HeldActivity held = HeldActivity.releasedWhen(markerWritten::get);
    CompletableFuture<String> call =
        CompletableFuture.supplyAsync(() -> held.greet("Ada"), threads);
    held.awaitStarted(1, WAIT);

    markerWritten.set(true);

    assertThat(call.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(GreetingActivitiesImpl.greeting("Ada"));
    assertThat(held.completed()).isEqualTo(1);
  }
}
