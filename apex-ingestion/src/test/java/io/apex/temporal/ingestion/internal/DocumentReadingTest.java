package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.temporal.failure.ApplicationFailure;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the stager reads a file named by path: once, through one handle, only under the ingest roots,
 * never through a final link, never more than the limit plus one byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentReadingTest {
  @TempDir static Path dir;
  private IngestionParts components;
  private IngestionHarness harness;

  @BeforeAll
  void start() {
    components = IngestionParts.start(TestStores.settings(dir.resolve("data")));
    harness = new IngestionHarness(components);
  }

  @AfterAll
  void stop() {
    components.close();
  }

  @Test
  void aLinkToDevZeroIsRefusedAtOnceWithoutReadingIt() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("zero.txt"), Path.of("/dev/zero"));
    long t0 = System.nanoTime();

    assertRefused(link, IngestionFailures.NOT_FOUND, link + " is a symbolic link");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aLinkToAGoodFileIsNotFollowedEither() throws Exception {
    Path target = Fixtures.write(dir, "real.txt", Fixtures.page("harbour cranes", 1));
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);

    assertRefused(link, IngestionFailures.NOT_FOUND, link + " is a symbolic link");
  }

  @Test
  void aFifoIsRefusedAtOnceWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("pipe.txt");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mkfifo.exitValue()).isZero();
    long t0 = System.nanoTime();

    assertRefused(fifo, IngestionFailures.NOT_FOUND, fifo + " is not a regular file");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void readingStopsOneByteBeyondTheLimitWhateverTheStreamHolds() throws Exception {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return len;
          }
        };

    assertThat(DocumentStager.readAtMost(endless, 1000)).hasSize(1001);
  }

  @Test
  void aPathOutsideTheIngestRootsIsInvalidInputAndReadsNothing() {
    assertRefused(
        Path.of("/etc/passwd"),
        IngestionFailures.INVALID_REQUEST,
        "path /etc/passwd is outside the directories this worker may read");
  }

  @Test
  void aPathThatLeavesARootThroughDotDotIsRefused() {
    Path escape = TestStores.TEMPORARY_FILES.resolve("../etc/passwd");

    assertRefused(escape, IngestionFailures.INVALID_REQUEST, "is outside the directories");
  }

  @Test
  void aPathThatLeavesARootThroughADirectoryLinkIsRefused() throws Exception {
    Path etc = Files.createSymbolicLink(dir.resolve("etc"), Path.of("/etc"));

    assertRefused(
        etc.resolve("passwd"), IngestionFailures.INVALID_REQUEST, "is outside the directories");
  }

  @Test
  void aDirectoryLinkThatStaysInsideARootIsFollowed() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Fixtures.write(real, "inside.txt", Fixtures.page("tidal energy", 2));
    Path alias = Files.createSymbolicLink(dir.resolve("alias"), real);

    assertThat(harness.stage(alias.resolve("inside.txt")).sizeBytes()).isPositive();
  }

  @Test
  void aNameThatWasNotUtf8IsReportedAsSuchNotOnlyAsMissing() {
    Path mangled = dir.resolve("caf\uFFFD.txt");

    assertRefused(mangled, IngestionFailures.NOT_FOUND, "not valid UTF-8");
  }

  private void assertRefused(Path path, String type, String reason) {
    assertThatThrownBy(() -> harness.stage(path))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            e -> {
              assertThat(e.getType()).isEqualTo(type);
              assertThat(e.isNonRetryable()).isTrue();
            })
        .hasMessageContaining(reason);
  }
}
