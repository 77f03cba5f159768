package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsBindAddressTest {

  @Test
  void theMetricsEndpointListensOnLoopbackByDefault() {
    assertThat(Settings.valid(Map.of()).runtime().metricsBindAddress()).isEqualTo("127.0.0.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "::1", "::", "fe80::1"})
  void anIpAddressIsAccepted(String address) {
    assertThat(
            Settings.valid(Map.of("TEMPORAL_METRICS_BIND_ADDRESS", address))
                .runtime()
                .metricsBindAddress())
        .isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0.0.0.256", "exa mple", "http://x", "1.2.3", "localhost:80", ":::::::::"})
  void anythingElseIsRejectedNamingVariableAndValue(String address) {
    assertThat(Settings.problems(Map.of("TEMPORAL_METRICS_BIND_ADDRESS", address)))
        .containsExactly(
            "TEMPORAL_METRICS_BIND_ADDRESS must be an IP address such as 127.0.0.1"
                + " or 0.0.0.0, got '"
                + address
                + "'");
  }
}
