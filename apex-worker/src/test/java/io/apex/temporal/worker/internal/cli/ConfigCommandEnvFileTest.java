package io.apex.temporal.worker.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.SettingsMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigCommandEnvFileTest {
  @TempDir Path dir;

  @Test
  void configNamesTheEnvFileAValueCameFrom() throws IOException {
    Path file = Files.writeString(dir.resolve("staging.env"), "TEMPORAL_NAMESPACE=staging\n");
    StringWriter out = new StringWriter();
    CommandLine cli =
        ApexCommand.commandLine(
            SettingsMap.of(Map.of("TEMPORAL_ENV_FILE", file.toString())).load());
    cli.setOut(new PrintWriter(out, true));

    assertThat(cli.execute("config")).isZero();
    assertThat(out.toString())
        .containsPattern(
            "TEMPORAL_NAMESPACE +staging +" + java.util.regex.Pattern.quote(file.toString()));
    assertThat(out.toString()).doesNotContain(".env.temporal");
  }
}
