package io.apex.temporal.perf.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerTuningTest {

  @Test
  void theServerIsTunedUnlessToldOtherwise() {
    assertThat(ServerTuning.parse(Map.of(), Map.of()).tuning()).isEqualTo(ServerTuning.TUNED);
  }

  @Test
  void thePropertyWinsOverTheEnvironment() {
    ServerTuning.Parsed parsed =
        ServerTuning.parse(
            Map.of("APEX_PERF_SERVER_TUNING", "tuned"),
            Map.of("apex.perf.server-tuning", "untuned"));

    assertThat(parsed.tuning()).isEqualTo(ServerTuning.UNTUNED);
    assertThat(parsed.problems()).isEmpty();
  }

  @Test
  void anUnknownValueIsOneProblemNamingTheSettingAndTheValue() {
    ServerTuning.Parsed parsed =
        ServerTuning.parse(Map.of("APEX_PERF_SERVER_TUNING", "fast"), Map.of());

    assertThat(parsed.problems())
        .containsExactly(
            "apex.perf.server-tuning"
                + " (APEX_PERF_SERVER_TUNING) must be one of tuned or untuned, got 'fast'");
  }

  @Test
  void untunedDropsTheDynamicConfigurationOnly() {
    assertThat(ServerTuning.TUNED.devServerSettings().dynamicConfig())
        .containsKey("history.transferProcessorMaxPollRPS");
    assertThat(ServerTuning.UNTUNED.devServerSettings().dynamicConfig()).isEmpty();
    assertThat(ServerTuning.UNTUNED.devServerSettings().searchAttributes())
        .isEqualTo(ServerTuning.TUNED.devServerSettings().searchAttributes());
  }
}
