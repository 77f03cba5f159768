package io.apex.temporal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.config.EmbeddedServerMode;
import io.apex.temporal.config.TemporalConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsMapTest {

  @Test
  void aWorkerOfAServerReachesItWithoutAnEmbeddedServerOnAFreeMetricsPort() {
    TemporalConfig config = SettingsMap.forServer("127.0.0.1", 7999).config();

    assertThat(config.connection().target()).isEqualTo("127.0.0.1:7999");
    assertThat(config.runtime().embeddedServer()).isEqualTo(EmbeddedServerMode.NEVER);
    assertThat(config.runtime().metricsPort()).isNotEqualTo(8078);
  }

  @Test
  void laterSettingsReplaceEarlierOnesAndTheMapIsWhatAChildProcessGets() {
    SettingsMap settings =
        SettingsMap.forServer("127.0.0.1", 7999)
            .with("TEMPORAL_TASK_QUEUE", "q1")
            .with(Map.of("TEMPORAL_TASK_QUEUE", "q2", "TEMPORAL_PORT", "7998"));

    assertThat(settings.variables())
        .containsEntry("TEMPORAL_TASK_QUEUE", "q2")
        .containsEntry("TEMPORAL_PORT", "7998")
        .containsEntry("TEMPORAL_EMBEDDED_SERVER", "never");
    assertThat(settings.config().runtime().taskQueue()).isEqualTo("q2");
  }

  @Test
  void invalidSettingsFailNamingEveryProblem() {
    SettingsMap settings =
        SettingsMap.of(Map.of("TEMPORAL_PORT", "abc", "TEMPORAL_MAX_ACTIVITIES", "0"));

    assertThat(settings.load().valid()).isFalse();
    assertThatThrownBy(settings::config)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("TEMPORAL_PORT")
        .hasMessageContaining("TEMPORAL_MAX_ACTIVITIES");
  }

  @Test
  void nothingComesFromTheProcessEnvironment() {
    assertThat(
            SettingsMap.of(Map.of()).load().raw().sourceLabel(io.apex.temporal.config.Setting.HOST))
        .isEqualTo("reference.conf default");
  }
}
