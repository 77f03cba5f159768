package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretSettingTest {
  private static final String KEY = "tcld-very-secret-key";

  @Test
  void apiKeyReachesTheConnectionButNotItsText() {
    TemporalConfig config = Settings.valid(Map.of("TEMPORAL_API_KEY", KEY));
    assertThat(config.connection().apiKey())
        .hasValueSatisfying(secret -> assertThat(secret.reveal()).isEqualTo(KEY));
    assertThat(config.toString()).doesNotContain(KEY).contains("****");
    assertThat(config.connection().toString()).doesNotContain(KEY);
  }

  @Test
  void apiKeyIsMaskedWhereverASettingIsShown() {
    assertThat(Setting.API_KEY.shown(KEY)).isEqualTo("****");
    assertThat(Setting.API_KEY.shown("")).isEmpty();
    assertThat(Setting.HOST.shown("temporal.internal")).isEqualTo("temporal.internal");
  }

  @Test
  void anErrorNextToTheKeyDoesNotPrintIt() {
    ConfigLoadResult result = Settings.load(Map.of("TEMPORAL_API_KEY", KEY, "TEMPORAL_PORT", "x"));
    assertThat(result.problems())
        .extracting(ConfigProblem::message)
        .noneMatch(message -> message.contains(KEY));
    assertThat(result.raw().toString()).doesNotContain(KEY);
  }
}
