package io.apex.temporal.worker.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.config.Connection;
import io.apex.temporal.config.EmbeddedServerMode;
import io.apex.temporal.testkit.FreePorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedServerDecisionTest {
  private final PortProbe probe = new PortProbe(Duration.ofMillis(300));

  private static Connection connection(String host, int port) {
    return new Connection(
        host, port, "default", Optional.empty(), Optional.empty(), Duration.ofSeconds(1));
  }

  @Test
  void autoStartsTheEmbeddedServerWhenNoAddressIsConfiguredAndNothingAnswers() {
    int port = FreePorts.next();
    EmbeddedServerDecision decision =
        EmbeddedServerDecision.decide(
            EmbeddedServerMode.AUTO, connection("localhost", port), false, probe);
    assertThat(decision.startEmbedded()).isTrue();
    assertThat(decision.reason())
        .isEqualTo(
            "no server address is configured and none answered at the default localhost:" + port);
  }

  @Test
  void autoNeverStartsTheEmbeddedServerWhereAnAddressWasConfiguredEvenIfNothingAnswers() {
    int port = FreePorts.next();
    EmbeddedServerDecision decision =
        EmbeddedServerDecision.decide(
            EmbeddedServerMode.AUTO, connection("127.0.0.1", port), true, probe);
    assertThat(decision.startEmbedded()).isFalse();
    assertThat(decision.reason())
        .isEqualTo(
            "TEMPORAL_HOST or TEMPORAL_PORT is set, so 127.0.0.1:"
                + port
                + " is a real server and the embedded one is never started in its place");
  }

  @Test
  void autoUsesAServerThatAlreadyListens() throws IOException {
    try (ServerSocket listening = new ServerSocket(0)) {
      EmbeddedServerDecision decision =
          EmbeddedServerDecision.decide(
              EmbeddedServerMode.AUTO,
              connection("127.0.0.1", listening.getLocalPort()),
              false,
              probe);
      assertThat(decision.startEmbedded()).isFalse();
      assertThat(decision.reason()).startsWith("a server already listens at");
    }
  }

  @Test
  void neverOnlyConnectsEvenWhenNothingAnswers() {
    assertThat(
            EmbeddedServerDecision.decide(
                    EmbeddedServerMode.NEVER,
                    connection("localhost", FreePorts.next()),
                    false,
                    probe)
                .startEmbedded())
        .isFalse();
  }

  @Test
  void alwaysStartsTheEmbeddedServerForALoopbackTarget() {
    assertThat(
            EmbeddedServerDecision.decide(
                    EmbeddedServerMode.ALWAYS,
                    connection("127.0.0.1", FreePorts.next()),
                    true,
                    probe)
                .startEmbedded())
        .isTrue();
  }

  @Test
  void alwaysRefusesATargetOffTheLoopbackAddress() {
    assertThatThrownBy(
            () ->
                EmbeddedServerDecision.decide(
                    EmbeddedServerMode.ALWAYS,
                    connection("temporal.example.invalid", 7233),
                    true,
                    probe))
        .hasMessage(
            "TEMPORAL_EMBEDDED_SERVER=always needs TEMPORAL_HOST to be a loopback address"
                + " (localhost, 127.0.0.1), got 'temporal.example.invalid'");
  }

  @Test
  void loopbackNamesAreLoopbackAndUnresolvableNamesAreNot() {
    assertThat(LocalAddresses.isLoopback("localhost")).isTrue();
    assertThat(LocalAddresses.isLoopback("127.0.0.1")).isTrue();
    assertThat(LocalAddresses.isLoopback("::1")).isTrue();
    assertThat(LocalAddresses.isLoopback("0.0.0.0")).isFalse();
    assertThat(LocalAddresses.isLoopback("temporal.example.invalid")).isFalse();
  }
}
