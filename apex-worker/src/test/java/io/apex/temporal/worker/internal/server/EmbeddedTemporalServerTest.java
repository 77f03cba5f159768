package io.apex.temporal.worker.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.FreePorts;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedTemporalServerTest {

  @Test
  void listensOnTheLoopbackAddressOnly() throws IOException {
    int port = FreePorts.next();
    EmbeddedTemporalServer server = new EmbeddedTemporalServer(port, "test", false);
    server.start();
    try {
      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
      assertThat(server.address().getPort()).isEqualTo(port);
      PortProbe probe = new PortProbe(Duration.ofSeconds(1));
      assertThat(probe.answers("127.0.0.1", port)).as("answers on 127.0.0.1").isTrue();
      for (InetAddress other : nonLoopbackAddresses()) {
        assertThat(probe.answers(other.getHostAddress(), port))
            .as("the embedded server answered at " + other)
            .isFalse();
      }
    } finally {
      server.stop();
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .toList();
  }
}
