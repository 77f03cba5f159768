package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreSettingsTest {

  @Test
  void defaultsToTheEmbeddedPostgresUnderDotApexInTheHomeDirectory() {
    DocumentStoreSettings store = Settings.valid(Map.of()).store();
    assertThat(store.embedded()).isTrue();
    assertThat(store.jdbcUrl()).isEmpty();
    assertThat(store.password()).isEmpty();
    assertThat(store.embeddedPort()).isEqualTo(54329);
    assertThat(store.dataDirectory())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".apex").toAbsolutePath());
  }

  @Test
  void aJdbcUrlSelectsAnExternalPostgres(@TempDir Path data) {
    DocumentStoreSettings store =
        Settings.valid(
                Map.of(
                    "APEX_STORE_JDBC_URL", "jdbc:postgresql://db:5432/apex",
                    "APEX_STORE_USER", "apex",
                    "APEX_STORE_PASSWORD", "s3cret",
                    "APEX_DATA_DIR", data.toString()))
            .store();
    assertThat(store.embedded()).isFalse();
    assertThat(store.jdbcUrl()).hasValue("jdbc:postgresql://db:5432/apex");
    assertThat(store.user()).isEqualTo("apex");
    assertThat(store.password())
        .hasValueSatisfying(p -> assertThat(p.reveal()).isEqualTo("s3cret"));
    assertThat(store.dataDirectory()).isEqualTo(data);
  }

  @Test
  void badStoreSettingsAreReportedOneLineEach(@TempDir Path data) throws Exception {
    Path file = Files.writeString(data.resolve("not-a-dir"), "x");
    assertThat(
            Settings.problems(
                Map.of(
                    "APEX_STORE_JDBC_URL", "mysql://db/apex",
                    "APEX_STORE_PORT", "70000",
                    "APEX_DATA_DIR", file.toString())))
        .containsExactlyInAnyOrder(
            "APEX_STORE_JDBC_URL must be empty (the embedded PostgreSQL) or a PostgreSQL JDBC URL"
                + " such as jdbc:postgresql://localhost:5432/apex, got 'mysql://db/apex'",
            "APEX_STORE_PORT must be an integer 1-65535, got '70000'",
            "APEX_DATA_DIR must be a directory path (it names a file), got '" + file + "'");
  }

  @Test
  void theStorePasswordIsASecretMaskedWhereverShown() {
    TemporalConfig config = Settings.valid(Map.of("APEX_STORE_PASSWORD", "pg-very-secret"));
    assertThat(Setting.STORE_PASSWORD.shown("pg-very-secret")).isEqualTo("****");
    assertThat(config.toString()).doesNotContain("pg-very-secret");
    assertThat(Settings.load(Map.of("APEX_STORE_PASSWORD", "pg-very-secret")).raw().toString())
        .doesNotContain("pg-very-secret");
  }
}
