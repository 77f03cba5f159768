package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations and counts have upper bounds that make sense, and the message names the bound. */
class UpperBoundsTest {

  @ParameterizedTest
  @ValueSource(strings = {"TEMPORAL_DRAIN_TIMEOUT", "TEMPORAL_CONNECT_TIMEOUT"})
  void aDurationThatWouldOverflowIsRejectedNamingTheBound(String variable) {
    assertThat(Settings.problems(Map.of(variable, "999999999h")))
        .containsExactly(
            variable
                + " must be a duration from 0s to 1h, such as 500ms, 30s or 2m, got '999999999h'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TEMPORAL_DRAIN_TIMEOUT", "TEMPORAL_CONNECT_TIMEOUT"})
  void aDurationAtTheBoundIsAccepted(String variable) {
    assertThat(Settings.problems(Map.of(variable, "1h"))).isEmpty();
    assertThat(Settings.problems(Map.of(variable, "3600000ms"))).isEmpty();
    assertThat(Settings.problems(Map.of(variable, "3600001ms"))).hasSize(1);
    assertThat(Settings.valid(Map.of(variable, "60m")).runtime()).isNotNull();
  }

  @ParameterizedTest
  @CsvSource({
    "TEMPORAL_MAX_WORKFLOW_TASKS,1,10000",
    "TEMPORAL_MAX_ACTIVITIES,1,10000",
    "TEMPORAL_WORKFLOW_POLLERS,1,256",
    "TEMPORAL_ACTIVITY_POLLERS,1,256",
    "TEMPORAL_WORKFLOW_CACHE_SIZE,0,100000"
  })
  void countsHaveAnUpperBoundNamedInTheMessage(String variable, int min, int max) {
    assertThat(Settings.problems(Map.of(variable, String.valueOf(max)))).isEmpty();
    assertThat(Settings.problems(Map.of(variable, String.valueOf(max + 1))))
        .containsExactly(
            variable + " must be an integer " + min + "-" + max + ", got '" + (max + 1) + "'");
    assertThat(Settings.problems(Map.of(variable, "20000000000")))
        .containsExactly(
            variable + " must be an integer " + min + "-" + max + ", got '20000000000'");
  }

  @ParameterizedTest
  @CsvSource({"59m,PT59M", "1h,PT1H"})
  void theDrainTimeoutKeepsItsValueBelowTheBound(String value, Duration expected) {
    assertThat(Settings.valid(Map.of("TEMPORAL_DRAIN_TIMEOUT", value)).runtime().drainTimeout())
        .isEqualTo(expected);
  }
}
