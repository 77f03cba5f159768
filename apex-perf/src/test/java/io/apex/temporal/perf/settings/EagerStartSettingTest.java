package io.apex.temporal.perf.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EagerStartSettingTest {

  @Test
  void offUnlessAskedForAndAnEmptyPropertyLeavesTheEnvironmentsChoice() {
    assertThat(EagerStartSetting.parse(Map.of(), Map.of()).enabled()).isFalse();
    assertThat(
            EagerStartSetting.parse(
                    Map.of("APEX_PERF_EAGER_START", "true"), Map.of("apex.perf.eager-start", ""))
                .enabled())
        .isTrue();
  }

  @Test
  void aValueOtherThanTrueOrFalseIsOneProblemNamingIt() {
    assertThat(EagerStartSetting.parse(Map.of(), Map.of("apex.perf.eager-start", "yes")).problems())
        .containsExactly(
            "apex.perf.eager-start (APEX_PERF_EAGER_START) must be true or false, got 'yes'");
  }
}
