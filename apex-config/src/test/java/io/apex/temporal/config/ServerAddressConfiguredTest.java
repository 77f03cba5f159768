package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerAddressConfiguredTest {

  @Test
  void theDefaultAddressIsNotConfigured() {
    assertThat(Settings.valid(Map.of()).runtime().serverAddressConfigured()).isFalse();
  }

  @Test
  void aHostOrAPortFromAnySourceIsConfigured() {
    assertThat(Settings.valid(Map.of("TEMPORAL_PORT", "17233")).runtime().serverAddressConfigured())
        .isTrue();
    assertThat(
            Settings.valid(Map.of("TEMPORAL_HOST", "localhost"))
                .runtime()
                .serverAddressConfigured())
        .isTrue();
    assertThat(Settings.valid(Map.of("TEMPORAL_PORT", "7233")).runtime().serverAddressConfigured())
        .as("even when set to the default value")
        .isTrue();
  }
}
