package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.apex.temporal.testkit.DevServerSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compose server runs with the same tuning as every dev server we start: each dynamic-config
 * key of infra/temporal/dev-server.properties is in development.yaml with the same value.
 */
@DisplayName("Compose dynamic config carries the dev server's tuning")
class DevServerTuningInComposeTest {
  private static final InfraFiles FILES = InfraFiles.locate();

  @Test
  void everyTunedKeyHasTheSameUnconstrainedValueInTheComposeDynamicConfig() {
    JsonNode compose = YamlFiles.readYaml(FILES.dynamicConfig());
    DevServerSettings tuned = DevServerSettings.tuned();

    assertThat(tuned.dynamicConfig()).isNotEmpty();
    tuned
        .dynamicConfig()
        .forEach(
            (key, value) -> {
              JsonNode values = compose.path(key);
              assertThat(values.isArray()).as(key + " in development.yaml").isTrue();
              assertThat(values).as(key).hasSize(1);
              assertThat(values.get(0).path("constraints").isEmpty())
                  .as(key + " constraints")
                  .isTrue();
              assertThat(values.get(0).path("value"))
                  .as(key + " value")
                  .isEqualTo(YamlFiles.parseJson(value));
            });
  }
}
