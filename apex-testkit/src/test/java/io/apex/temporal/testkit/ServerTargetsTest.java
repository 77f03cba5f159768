package io.apex.temporal.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTargetsTest {

  @Test
  void theTestServerJvmListensUntilStoppedAndStartsAgainOnTheSamePort() {
    int port = FreePorts.next();
    TemporalTarget server = new TestServerJvm(port, "256m");
    try {
      server.start();
      assertThat(PortProbe.listening(server.host(), server.port())).isTrue();

      server.stop();
      assertThat(PortProbe.awaitClosed(port, Duration.ofSeconds(10))).as("stopped").isTrue();

      server.start();
      assertThat(PortProbe.listening(port)).as("restarted on the same port").isTrue();
    } finally {
      server.close();
    }
    assertThat(PortProbe.awaitClosed(port, Duration.ofSeconds(10))).as("closed").isTrue();
  }

  @Test
  void anInProcessServerStartsAndStopsOnceEachWhateverTheCallers() {
    List<String> calls = new ArrayList<>();
    TemporalTarget server =
        new InProcessServer("fake", 1234, () -> calls.add("start"), () -> calls.add("stop"));

    server.start();
    server.start();
    server.close();
    server.stop();
    server.start();

    assertThat(calls).containsExactly("start", "stop", "start");
    assertThat(server.host() + ":" + server.port()).isEqualTo("127.0.0.1:1234");
  }
}
