package io.apex.temporal.worker.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.worker.runtime.Managed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedPartsTest {
  private final List<String> events = new ArrayList<>();

  private Managed part(String name, boolean failsToStart) {
    return new Managed() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void start() {
        if (failsToStart) {
          throw new IllegalStateException(name + " broke");
        }
        events.add("start " + name);
      }

      @Override
      public void stop() {
        events.add("stop " + name);
      }
    };
  }

  @Test
  void startsInOrderAndStopsInReverse() throws Exception {
    ManagedParts parts =
        new ManagedParts(List.of(part("a", false), part("b", false), part("c", false)));
    parts.start();
    parts.close();
    assertThat(events)
        .containsExactly("start a", "start b", "start c", "stop c", "stop b", "stop a");
  }

  @Test
  void aFailedStartStopsWhatHadStartedAndNothingElse() {
    ManagedParts parts =
        new ManagedParts(List.of(part("a", false), part("b", true), part("c", false)));
    assertThatThrownBy(parts::start).hasMessage("b broke");
    assertThat(events).containsExactly("start a", "stop a");
  }

  @Test
  void closingTwiceStopsOnce() throws Exception {
    ManagedParts parts = new ManagedParts(List.of(part("a", false)));
    parts.start();
    parts.close();
    parts.close();
    assertThat(events).containsExactly("start a", "stop a");
  }

  @Test
  void aFailingStopDoesNotKeepTheOthersRunning() throws Exception {
    Managed failingStop =
        new Managed() {
          @Override
          public String name() {
            return "failing";
          }

          @Override
          public void start() {}

          @Override
          public void stop() {
            throw new IllegalStateException("stop failed");
          }
        };
    ManagedParts parts = new ManagedParts(List.of(part("a", false), failingStop));
    parts.start();
    parts.close();
    assertThat(events).containsExactly("start a", "stop a");
  }
}
