package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvFileParserTest {
  private final EnvFileParser parser = new EnvFileParser(".env.temporal");

  private EnvFileParser.Parsed parse(String... lines) {
    return parser.parse(List.of(lines));
  }

  @Test
  void readsKeyValueLines() {
    assertThat(parse("TEMPORAL_HOST=temporal", "TEMPORAL_PORT=7233").variables())
        .containsExactly(
            java.util.Map.entry("TEMPORAL_HOST", "temporal"),
            java.util.Map.entry("TEMPORAL_PORT", "7233"));
  }

  @Test
  void skipsCommentsAndBlankLines() {
    EnvFileParser.Parsed parsed =
        parse("# the namespace", "", "   ", "  # indented comment", "TEMPORAL_NAMESPACE=ingest");
    assertThat(parsed.variables()).containsOnlyKeys("TEMPORAL_NAMESPACE");
    assertThat(parsed.problems()).isEmpty();
  }

  @Test
  void unwrapsDoubleAndSingleQuotes() {
    assertThat(parse("A=\"quoted value\"", "B='single # not a comment'", "C=\"\"").variables())
        .containsEntry("A", "quoted value")
        .containsEntry("B", "single # not a comment")
        .containsEntry("C", "");
  }

  @Test
  void keepsEqualsSignsInsideValues() {
    assertThat(parse("TEMPORAL_API_KEY=abc==def=", "URL=\"http://x/?a=b\"").variables())
        .containsEntry("TEMPORAL_API_KEY", "abc==def=")
        .containsEntry("URL", "http://x/?a=b");
  }

  @Test
  void dropsTrailingCommentsOfUnquotedValues() {
    assertThat(parse("TEMPORAL_ROLLOUT=25 # a quarter", "HASH=a#b").variables())
        .containsEntry("TEMPORAL_ROLLOUT", "25")
        .containsEntry("HASH", "a#b");
  }

  @Test
  void trimsAroundKeysAndValuesAndAcceptsExport() {
    assertThat(parse("  export TEMPORAL_HOST = temporal.internal  ").variables())
        .containsEntry("TEMPORAL_HOST", "temporal.internal");
  }

  @Test
  void anEmptyValueIsKeptAsEmpty() {
    assertThat(parse("TEMPORAL_HOST=").variables()).containsEntry("TEMPORAL_HOST", "");
  }

  @Test
  void laterLinesWin() {
    assertThat(parse("TEMPORAL_PORT=1", "TEMPORAL_PORT=2").variables())
        .containsEntry("TEMPORAL_PORT", "2");
  }

  @Test
  void reportsLinesThatAreNotAssignmentsByNumber() {
    EnvFileParser.Parsed parsed = parse("TEMPORAL_HOST=ok", "no equals sign", "=value");
    assertThat(parsed.variables()).containsOnlyKeys("TEMPORAL_HOST");
    assertThat(parsed.problems())
        .extracting(ConfigProblem::message)
        .containsExactly(
            ".env.temporal line 2 must be a KEY=VALUE line, got 'no ****'",
            ".env.temporal line 3 must be a KEY=VALUE line, got '****'");
  }
}
