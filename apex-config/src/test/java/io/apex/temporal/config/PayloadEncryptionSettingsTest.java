package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadEncryptionSettingsTest {
  private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String KEY_B = Base64.getEncoder().encodeToString(filled(32, 7));

  @Test
  void defaultsEncryptIngestionOnlyWithTheKeyFileUnderDotApex() {
    TemporalConfig config = Settings.valid(Map.of());
    PayloadEncryption payloads = config.payloads();
    assertThat(payloads.key()).isEmpty();
    assertThat(payloads.decryptOnlyKeys()).isEmpty();
    assertThat(payloads.keyFile())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".apex", "payload-key"));
    assertThat(payloads.rule().encrypts("ingest-doc-1")).isTrue();
    assertThat(payloads.rule().encrypts("greeting-42")).isFalse();
    assertThat(config.codecEndpoint().enabled()).isTrue();
    assertThat(config.codecEndpoint().token()).isEmpty();
    assertThat(config.codecEndpoint().corsOrigins())
        .containsExactly(
            "http://localhost:8088",
            "http://127.0.0.1:8088",
            "http://localhost:8233",
            "http://127.0.0.1:8233");
  }

  @Test
  void anActiveKeyAndOldDecryptOnlyKeysAreReadWithTheirIds(@TempDir Path dir) {
    PayloadEncryption payloads =
        Settings.valid(
                Map.of(
                    "APEX_PAYLOAD_KEY",
                    "2026-02:" + KEY_B,
                    "APEX_PAYLOAD_DECRYPT_KEYS",
                    "2026-01:" + KEY_A + ", 2025-12:" + KEY_B,
                    "APEX_PAYLOAD_KEY_FILE",
                    dir.resolve("k").toString(),
                    "APEX_PAYLOAD_ENCRYPT",
                    "ingest-, report-"))
            .payloads();
    assertThat(payloads.key())
        .hasValueSatisfying(
            k -> {
              assertThat(k.id()).isEqualTo("2026-02");
              assertThat(k.bytes()).isEqualTo(filled(32, 7));
            });
    assertThat(payloads.decryptOnlyKeys())
        .extracting(PayloadKey::id)
        .containsExactly("2026-01", "2025-12");
    assertThat(payloads.keyFile()).isEqualTo(dir.resolve("k"));
    assertThat(payloads.rule().workflowIdPrefixes()).containsExactly("ingest-", "report-");
  }

  @Test
  void theRuleTakesNoneOrEveryWorkflow() {
    assertThat(
            Settings.valid(Map.of("APEX_PAYLOAD_ENCRYPT", "none"))
                .payloads()
                .rule()
                .encrypts("ingest-1"))
        .isFalse();
    assertThat(
            Settings.valid(Map.of("APEX_PAYLOAD_ENCRYPT", "*"))
                .payloads()
                .rule()
                .encrypts("greeting-1"))
        .isTrue();
  }

  @Test
  void badKeysAreReportedOneLineEachWithoutTheirValues(@TempDir Path dir) {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThat(
            Settings.problems(
                Map.of(
                    "APEX_PAYLOAD_KEY", "2026-01:" + shortKey,
                    "APEX_PAYLOAD_DECRYPT_KEYS", "no-colon-" + KEY_A,
                    "APEX_PAYLOAD_KEY_FILE", dir.toString(),
                    "APEX_PAYLOAD_ENCRYPT", "ingest-,,x",
                    "APEX_CODEC_ENDPOINT", "maybe",
                    "APEX_CODEC_TOKEN", "short",
                    "APEX_CODEC_CORS_ORIGINS", "http://localhost:8088/path")))
        .containsExactlyInAnyOrder(
            "APEX_PAYLOAD_KEY must be "
                + PayloadEncryptionReader.KEY_FORMAT
                + "; the key of '2026-01' is 16 bytes, got '****'",
            "APEX_PAYLOAD_DECRYPT_KEYS must be "
                + PayloadEncryptionReader.KEY_FORMAT
                + "; the colon after the key ID is missing, got '****'",
            "APEX_PAYLOAD_KEY_FILE must be a file path (the file is created when missing), got '"
                + dir
                + "'",
            "APEX_PAYLOAD_ENCRYPT must be 'none', '*' (every workflow) or comma-separated workflow"
                + " ID prefixes such as ingest-, got 'ingest-,,x'",
            "APEX_CODEC_ENDPOINT must be a boolean (true or false), got 'maybe'",
            "APEX_CODEC_TOKEN must be at least 16 characters, got '****'",
            "APEX_CODEC_CORS_ORIGINS must be space-separated origins such as"
                + " http://localhost:8088 (scheme, host and port only), got"
                + " 'http://localhost:8088/path'")
        .allSatisfy(line -> assertThat(line).doesNotContain(KEY_A).doesNotContain(shortKey));
  }

  @Test
  void aKeyIdGivenTwiceIsRefused() {
    assertThat(
            Settings.problems(
                Map.of(
                    "APEX_PAYLOAD_KEY", "k1:" + KEY_A,
                    "APEX_PAYLOAD_DECRYPT_KEYS", "k1:" + KEY_B)))
        .containsExactly(
            "APEX_PAYLOAD_DECRYPT_KEYS must be keys with distinct IDs (key ID 'k1'"
                + " is given twice, here or in APEX_PAYLOAD_KEY), got '****'");
  }

  @Test
  void keysAndTheCodecTokenAreSecretsMaskedWhereverShown() {
    Map<String, String> env =
        Map.of(
            "APEX_PAYLOAD_KEY", "k1:" + KEY_A,
            "APEX_PAYLOAD_DECRYPT_KEYS", "k0:" + KEY_B,
            "APEX_CODEC_TOKEN", "a-codec-token-of-some-length");
    TemporalConfig config = Settings.valid(env);
    String shown = config + " " + Settings.load(env).raw();
    assertThat(shown)
        .doesNotContain(KEY_A)
        .doesNotContain(KEY_B)
        .doesNotContain("a-codec-token-of-some-length")
        .contains("k1");
    assertThat(Setting.PAYLOAD_KEY.shown("k1:" + KEY_A)).isEqualTo("****");
    assertThat(Setting.PAYLOAD_DECRYPT_KEYS.shown("k0:" + KEY_B)).isEqualTo("****");
    assertThat(Setting.CODEC_TOKEN.shown("x")).isEqualTo("****");
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
