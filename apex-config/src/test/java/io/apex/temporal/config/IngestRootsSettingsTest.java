package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestRootsSettingsTest {
  @Test
  void noDirectoryIsAnIngestRootByDefault() {
    assertThat(TemporalConfig.defaults().ingestRoots().directories()).isEmpty();
  }

  @Test
  void rootsAreAbsoluteDirectoriesSeparatedAsInPath() {
    var config =
        TemporalConfigLoader.fromVariables(
                Map.of("APEX_INGEST_ROOTS", "/srv/documents:/home/me/papers/../notes:"))
            .load()
            .config()
            .orElseThrow();

    assertThat(config.ingestRoots().directories())
        .containsExactly(Path.of("/srv/documents"), Path.of("/home/me/notes"));
  }

  @Test
  void aRelativeRootIsRefusedWithOneMessageNamingTheVariableAndValue() {
    var result =
        TemporalConfigLoader.fromVariables(Map.of("APEX_INGEST_ROOTS", "/srv/documents:docs"))
            .load();

    assertThat(result.config()).isEmpty();
    assertThat(result.problems()).hasSize(1);
    assertThat(result.problems().get(0).toString())
        .contains("APEX_INGEST_ROOTS")
        .contains("/srv/documents:docs")
        .contains("absolute directory paths separated by ':'");
  }

  @Test
  void aRootThatNamesAFileIsRefused() {
    var result =
        TemporalConfigLoader.fromVariables(Map.of("APEX_INGEST_ROOTS", "/etc/passwd")).load();

    assertThat(result.problems()).hasSize(1);
    assertThat(result.problems().get(0).toString()).contains("APEX_INGEST_ROOTS");
  }
}
