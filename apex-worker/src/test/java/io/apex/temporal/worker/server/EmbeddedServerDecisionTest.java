package io.apex.temporal.worker.server;

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
    return new Connection(host, port, "default", Optional.empty(), Optional.empty(),
        Duration.ofSeconds(1));
  }

  @Test
  void autoStartsTheEmbeddedServerWhenNothingAnswersLocally() {
    int port = FreePorts.next();
    EmbeddedServerDecision decision =
        EmbeddedServerDecision.decide(EmbeddedServerMode.AUTO, connection("localhost", port), probe);
    assertThat(decision.startEmbedded()).isTrue();
    assertThat(decision.reason()).isEqualTo("no Temporal server answered at localhost:" + port);
  }

  @Test
  void autoUsesAServerThatAlreadyListens() throws IOException {
    try (ServerSocket listening = new ServerSocket(0)) {
      EmbeddedServerDecision decision = EmbeddedServerDecision.decide(EmbeddedServerMode.AUTO,
          connection("127.0.0.1", listening.getLocalPort()), probe);
      assertThat(decision.startEmbedded()).isFalse();
      assertThat(decision.reason()).startsWith("a server already listens at");
    }
  }

  @Test
  void autoNeverStartsAServerForARemoteTarget() {
    EmbeddedServerDecision decision = EmbeddedServerDecision.decide(EmbeddedServerMode.AUTO,
        connection("temporal.example.invalid", 7233), probe);
    assertThat(decision.startEmbedded()).isFalse();
    assertThat(decision.reason()).isEqualTo("temporal.example.invalid:7233 is not on this machine");
  }

  @Test
  void neverOnlyConnectsEvenWhenNothingAnswers() {
    assertThat(EmbeddedServerDecision.decide(EmbeddedServerMode.NEVER,
        connection("localhost", FreePorts.next()), probe).startEmbedded()).isFalse();
  }

  @Test
  void alwaysStartsTheEmbeddedServerForALocalTarget() {
    assertThat(EmbeddedServerDecision.decide(EmbeddedServerMode.ALWAYS,
        connection("127.0.0.1", FreePorts.next()), probe).startEmbedded()).isTrue();
  }

  @Test
  void alwaysRefusesARemoteTarget() {
    assertThatThrownBy(() -> EmbeddedServerDecision.decide(EmbeddedServerMode.ALWAYS,
        connection("temporal.example.invalid", 7233), probe))
        .hasMessage("TEMPORAL_EMBEDDED_SERVER=always needs TEMPORAL_HOST on this machine, got"
            + " 'temporal.example.invalid'");
  }

  @Test
  void loopbackNamesAreLocalAndUnresolvableNamesAreNot() {
    assertThat(LocalAddresses.isLocal("localhost")).isTrue();
    assertThat(LocalAddresses.isLocal("127.0.0.1")).isTrue();
    assertThat(LocalAddresses.isLocal("::1")).isTrue();
    assertThat(LocalAddresses.isLocal("temporal.example.invalid")).isFalse();
  }
}
