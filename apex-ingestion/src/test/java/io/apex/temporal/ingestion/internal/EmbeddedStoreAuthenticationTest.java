package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.testkit.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL asks every connection for the password kept owner-only in the data
 * directory: a local user without it (who could otherwise read every document or run {@code COPY
 * ... TO PROGRAM}) is refused, over loopback, with no password or a wrong one.
 */
class EmbeddedStoreAuthenticationTest {
  @TempDir Path dir;

  @Test
  void aNewStoreRefusesConnectionsWithoutItsPassword() throws Exception {
    int port = FreePorts.next();
    try (var server = EmbeddedPostgresServer.startOrJoin(dir, port)) {
      assertRefusedWithoutPassword(port);
      assertThat(query(port, server.password())).isEqualTo(1);
      Path passwordFile = dir.resolve(StorePassword.FILE_NAME);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
      assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSize(43);
      assertThat(Files.readString(dir.resolve("postgres").resolve(ClientAuthentication.FILE_NAME)))
          .doesNotContainIgnoringCase("trust");
    }
  }

  @Test
  void aStoreCreatedBeforePasswordsRequiresOneFromItsNextStart() throws Exception {
    int port = FreePorts.next();
    Path pgData = dir.resolve("postgres");
    // As earlier versions created it: zonky's defaults, every local connection trusted.
    try (var legacy =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setRegisterShutdownHook(false)
            .start()) {
      assertThat(query(port, "")).isEqualTo(1);
    }
    assertThat(Files.readString(pgData.resolve(ClientAuthentication.FILE_NAME))).contains("trust");

    try (var server = EmbeddedPostgresServer.startOrJoin(dir, port)) {
      assertRefusedWithoutPassword(port);
      assertThat(query(port, server.password())).isEqualTo(1);
    }
    // And after a restart, as the worker's next start sees it.
    try (var server = EmbeddedPostgresServer.startOrJoin(dir, port)) {
      assertRefusedWithoutPassword(port);
      assertThat(query(port, server.password())).isEqualTo(1);
    }
  }

  @Test
  void theWorkersComponentsConnectWithThePassword() {
    var settings = TestStores.settings(dir.resolve("data"));
    try (var components = IngestionParts.start(settings)) {
      assertThat(TestStores.rows(components, "documents")).isZero();
      assertRefusedWithoutPassword(settings.store().embeddedPort());
    }
  }

  private static void assertRefusedWithoutPassword(int port) {
    assertThatThrownBy(() -> query(port, ""))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
    assertThatThrownBy(() -> query(port, "not-the-password"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  private static int query(int port, String password) throws SQLException {
    try (var c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
