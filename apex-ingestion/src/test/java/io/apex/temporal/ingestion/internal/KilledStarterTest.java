package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.ChildProcess;
import io.apex.temporal.testkit.PortProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    ChildProcess child =
        ChildProcess.command(
                "PostgreSQL starter",
                List.of(
                    ChildProcess.java(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    EmbeddedServerHolder.class.getName(),
                    settings.store().dataDirectory().toString(),
                    Integer.toString(port)))
            .start();
    try {
      // Fails, with the child's log, unless the child started PostgreSQL.
      child.awaitLine("READY", Duration.ofSeconds(120));
    } finally {
      child.kill();
    }
    assertThat(child.alive()).as("the starter was killed").isFalse();
    assertThat(PortProbe.listening(port)).as("the server outlives its killed starter").isTrue();

    try (var components = IngestionParts.start(settings)) {
      var run =
          new IngestionHarness(components)
              .ingest(Fixtures.write(dir, "after-kill.txt", Fixtures.page("river ferries", 1)));
      assertThat(components.store().find(run.staged().documentId())).isPresent();
    }

    assertThat(PortProbe.awaitClosed(port, Duration.ofSeconds(30)))
        .as("the adopter stopped the server on close")
        .isTrue();
    child.close();
  }
}
