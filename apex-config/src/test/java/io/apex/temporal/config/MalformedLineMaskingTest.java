package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A line that is not KEY=VALUE is reported without showing anything that may be a secret. */
class MalformedLineMaskingTest {
  private final EnvFileParser parser = new EnvFileParser(".env.temporal");

  private List<String> problems(String line) {
    return parser.parse(List.of(line)).problems().stream().map(ConfigProblem::message).toList();
  }

  @Test
  void theValueOfASecretKeyIsMasked() {
    assertThat(problems("TEMPORAL_API_KEY sekrit-123"))
        .containsExactly(
            ".env.temporal line 1 must be a KEY=VALUE line, got 'TEMPORAL_API_KEY ****'");
    assertThat(problems("export TEMPORAL_API_KEY: sekrit-123").toString()).doesNotContain("sekrit");
  }

  @Test
  void theValueOfAnUnknownKeyIsMasked() {
    assertThat(problems("MY_DB_PASSWORD hunter2"))
        .containsExactly(
            ".env.temporal line 1 must be a KEY=VALUE line, got 'MY_DB_PASSWORD ****'");
  }

  @Test
  void theWholeLineIsMaskedWhenNoKeyCanBeTold() {
    assertThat(problems("sekrit-123"))
        .containsExactly(".env.temporal line 1 must be a KEY=VALUE line, got '****'");
    assertThat(problems("=sekrit-123"))
        .containsExactly(".env.temporal line 1 must be a KEY=VALUE line, got '****'");
  }

  @Test
  void aLineOfAKnownPlainSettingIsShownAsItIs() {
    assertThat(problems("TEMPORAL_HOST temporal.internal"))
        .containsExactly(
            ".env.temporal line 1 must be a KEY=VALUE line, got 'TEMPORAL_HOST temporal.internal'");
  }
}
