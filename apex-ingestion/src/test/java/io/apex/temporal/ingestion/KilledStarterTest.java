package io.apex.temporal.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that started the embedded PostgreSQL is killed with -9: its server keeps running, the
 * next process uses it (with the data already there) and stops it on close.
 */
class KilledStarterTest {
  @TempDir Path dir;

  @Test
  void theNextProcessAdoptsTheServerOfAKilledStarterAndStopsItOnClose() throws Exception {
    var settings = TestStores.settings(dir.resolve("data"));
    int port = settings.store().embeddedPort();
    var child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedServerHolder.class.getName(),
                settings.store().dataDirectory().toString(),
                Integer.toString(port))
            .redirectErrorStream(true)
            .start();
    try {
      var out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      boolean ready = false;
      while ((line = out.readLine()) != null) {
        if (line.contains("READY")) {
          ready = true;
          break;
        }
      }
      assertThat(ready).as("the child started PostgreSQL").isTrue();
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(listening(port)).as("the server outlives its killed starter").isTrue();

    try (var components = IngestionComponents.start(settings)) {
      var run =
          new IngestionHarness(components)
              .ingest(Fixtures.write(dir, "after-kill.txt", Fixtures.page("river ferries", 1)));
      assertThat(components.store().find(run.staged().documentId())).isPresent();
    }

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (listening(port) && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    assertThat(listening(port)).as("the adopter stopped the server on close").isFalse();
  }

  private static boolean listening(int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
