package io.apex.temporal.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerfMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PerfMain main = new PerfMain(
      new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void badBenchmarkAndTemporalSettingsEachGetOneLineAndExitStatusTwo() {
    int status = main.run(Map.of("TEMPORAL_PORT", "abc"), Map.of("apex.perf.profile", "huge"));

    assertThat(status).isEqualTo(PerfMain.EXIT_BAD_SETTINGS);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "apex.perf.profile (APEX_PERF_PROFILE) must be one of short or full, got 'huge'",
        "TEMPORAL_PORT must be an integer 1-65535, got 'abc'");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
