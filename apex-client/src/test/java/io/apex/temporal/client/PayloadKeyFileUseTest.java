package io.apex.temporal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.config.TemporalConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client never writes the payload key file unless it is asked to. */
class PayloadKeyFileUseTest {
  @TempDir Path dir;

  private TemporalConfig config(Path keyFile) {
    // Nothing listens on port 1: a connection attempt would fail, but the key comes first.
    ConfigLoadResult result =
        TemporalConfigLoader.fromVariables(
                Map.of(
                    "TEMPORAL_HOST", "127.0.0.1",
                    "TEMPORAL_PORT", "1",
                    "TEMPORAL_EMBEDDED_SERVER", "never",
                    "TEMPORAL_CONNECT_TIMEOUT", "1s",
                    "APEX_PAYLOAD_KEY_FILE", keyFile.toString()))
            .load();
    assertThat(result.problems()).isEmpty();
    return result.config().orElseThrow();
  }

  @Test
  void connectingWithoutAKeyOrKeyFileFailsNamingTheSettingAndWritesNothing() {
    Path keyFile = dir.resolve("apex/payload-key");
    assertThatThrownBy(() -> ClientConnections.connect(config(keyFile)))
        .isInstanceOf(BadSettingException.class)
        .hasMessageContaining("APEX_PAYLOAD_KEY")
        .hasMessageContaining(keyFile.toString());
    assertThat(keyFile).doesNotExist();
    assertThat(keyFile.getParent()).doesNotExist();
  }

  @Test
  void theConverterWithoutAKeyFileFailsUnlessAskedToCreateIt() throws Exception {
    Path keyFile = dir.resolve("payload-key");
    TemporalConfig config = config(keyFile);
    assertThatThrownBy(() -> WorkflowDataConverter.of(config.payloads(), MissingKeyFile.FAIL))
        .isInstanceOf(BadSettingException.class)
        .hasMessageContaining("APEX_PAYLOAD_KEY");
    assertThat(keyFile).doesNotExist();

    assertThat(WorkflowDataConverter.of(config.payloads(), MissingKeyFile.CREATE)).isNotNull();
    assertThat(keyFile).isRegularFile();
    String written = Files.readString(keyFile);
    // Once the file exists, a client that may not create one reads it.
    assertThat(WorkflowDataConverter.of(config.payloads(), MissingKeyFile.FAIL)).isNotNull();
    assertThat(Files.readString(keyFile)).isEqualTo(written);
  }
}
