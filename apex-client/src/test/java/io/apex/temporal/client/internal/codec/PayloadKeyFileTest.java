package io.apex.temporal.client.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.config.PayloadKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadKeyFileTest {

  @Test
  void aMissingKeyFileIsGeneratedOnceOwnerOnlyAndThenReused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("apex/payload-key");

    PayloadKey first = new PayloadKeyFile(file).loadOrCreate();
    PayloadKey again = new PayloadKeyFile(file).loadOrCreate();

    assertThat(first.id()).matches("local-[0-9a-f]{8}");
    assertThat(first.bytes()).hasSize(32);
    assertThat(again).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(first.toString()).doesNotContain(first.base64().reveal());
  }

  @Test
  void aKeyFileThatIsNotAKeyStopsWithAMessageNamingIt(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("payload-key"), "k1:not-base64!\n");

    assertThatThrownBy(() -> new PayloadKeyFile(file).loadOrCreate())
        .isInstanceOf(IOException.class)
        .hasMessage("payload key file " + file + " must hold one line KEY_ID:BASE64 of 32 bytes");
  }
}
