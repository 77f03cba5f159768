package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.config.RolloutRouter.Route;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolloutRouterTest {

  private static RolloutRouter router(boolean enabled, int percentage) {
    return new RolloutRouter(new Rollout(enabled, percentage));
  }

  private static long temporalShare(RolloutRouter router, int documents) {
    return IntStream.range(0, documents)
        .mapToObj(i -> "doc-" + i)
        .filter(id -> router.route(id) == Route.TEMPORAL)
        .count();
  }

  @Test
  void disabledRoutesEverythingToLegacyWhateverThePercentage() {
    assertThat(temporalShare(router(false, 100), 1_000)).isZero();
  }

  @Test
  void zeroPercentRoutesEverythingToLegacy() {
    assertThat(temporalShare(router(true, 0), 1_000)).isZero();
  }

  @Test
  void oneHundredPercentRoutesEverythingToTemporal() {
    assertThat(temporalShare(router(true, 100), 1_000)).isEqualTo(1_000);
  }

  @Test
  void rolloutOfTwentyFivePercentRoutesAboutAQuarterOfDocuments() {
    assertThat(temporalShare(router(true, 25), 10_000)).isBetween(2_300L, 2_700L);
  }

  @Test
  void theSameDocumentAlwaysTakesTheSameRoute() {
    RolloutRouter first = router(true, 40);
    RolloutRouter second = router(true, 40);
    for (int i = 0; i < 1_000; i++) {
      String id = "document-" + i;
      assertThat(first.route(id)).isEqualTo(first.route(id)).isEqualTo(second.route(id));
    }
  }

  @Test
  void bucketIsSha256OfTheUtf8IdAsAnUnsignedIntegerModuloOneHundred() throws Exception {
    for (String id : new String[] {"", "doc-1", "ünïcødé-文書", "a".repeat(1000)}) {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      int expected = new BigInteger(1, digest).mod(BigInteger.valueOf(100)).intValue();
      assertThat(RolloutRouter.bucket(id)).isEqualTo(expected).isBetween(0, 99);
    }
  }

  @Test
  void knownIdsLandInTheirPublishedBuckets() {
    // Computed outside Java (Python's hashlib: int(sha256(b"doc-1").hexdigest(), 16) % 100), so
    // the Python and Java routers agree on every document.
    assertThat(RolloutRouter.bucket("doc-1")).isEqualTo(11);
  }

  @Test
  void aDocumentGoesToTemporalExactlyWhenItsBucketIsBelowThePercentage() {
    String id = "doc-1";
    int bucket = RolloutRouter.bucket(id);
    assertThat(router(true, bucket).route(id)).isEqualTo(Route.LEGACY);
    assertThat(router(true, bucket + 1).route(id)).isEqualTo(Route.TEMPORAL);
  }

  @Test
  void raisingThePercentageOnlyMovesDocumentsToTemporal() {
    for (int i = 0; i < 2_000; i++) {
      String id = "doc-" + i;
      if (router(true, 10).route(id) == Route.TEMPORAL) {
        assertThat(router(true, 60).route(id)).isEqualTo(Route.TEMPORAL);
      }
    }
  }
}
