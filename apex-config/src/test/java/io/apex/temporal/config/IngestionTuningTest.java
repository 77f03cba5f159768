package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestionTuningTest {

  @Test
  void defaultsToThousandCharacterChunksOverlappingByOneHundredFiftyInBatchesOfThirtyTwo() {
    assertThat(Settings.valid(Map.of()).ingestion()).isEqualTo(new IngestionTuning(1000, 150, 32));
  }

  @Test
  void chunkingAndBatchingAreSetFromTheEnvironment() {
    assertThat(
            Settings.valid(
                    Map.of(
                        "APEX_CHUNK_CHARACTERS", "400",
                        "APEX_CHUNK_OVERLAP", "0",
                        "APEX_EMBEDDING_BATCH_SIZE", "1"))
                .ingestion())
        .isEqualTo(new IngestionTuning(400, 0, 1));
  }

  @Test
  void badChunkingAndBatchingAreReportedOneLineEach() {
    assertThat(
            Settings.problems(
                Map.of(
                    "APEX_CHUNK_CHARACTERS", "99",
                    "APEX_CHUNK_OVERLAP", "-1",
                    "APEX_EMBEDDING_BATCH_SIZE", "1025")))
        .containsExactlyInAnyOrder(
            "APEX_CHUNK_CHARACTERS must be an integer 100-20000, got '99'",
            "APEX_CHUNK_OVERLAP must be an integer 0-9999, got '-1'",
            "APEX_EMBEDDING_BATCH_SIZE must be an integer 1-1024, got '1025'");
  }

  @Test
  void anOverlapOfHalfAChunkOrMoreIsRefusedNamingTheChunkSize() {
    assertThat(
            Settings.problems(Map.of("APEX_CHUNK_CHARACTERS", "200", "APEX_CHUNK_OVERLAP", "100")))
        .containsExactly(
            "APEX_CHUNK_OVERLAP must be an integer from 0 to less than half of"
                + " APEX_CHUNK_CHARACTERS (200), got '100'");
    // The default overlap (150) is more than half of a small chunk size: the overlap is named.
    assertThat(Settings.problems(Map.of("APEX_CHUNK_CHARACTERS", "250")))
        .containsExactly(
            "APEX_CHUNK_OVERLAP must be an integer from 0 to less than half of"
                + " APEX_CHUNK_CHARACTERS (250), got '150'");
  }
}
