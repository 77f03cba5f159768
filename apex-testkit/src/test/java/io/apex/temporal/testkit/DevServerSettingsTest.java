package io.apex.temporal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevServerSettingsTest {

  @Test
  void theTunedSettingsComeFromTheSharedFileOnTheClassPath() {
    DevServerSettings tuned = DevServerSettings.tuned();

    assertThat(tuned.isTuned()).isTrue();
    assertThat(tuned.dynamicConfig()).containsEntry("history.transferProcessorMaxPollRPS", "1000");
    assertThat(tuned.describe())
        .startsWith("tuned: ")
        .contains("history.transferProcessorMaxPollRPS=1000");
  }

  @Test
  void untunedKeepsTheSearchAttributesAndNoDynamicConfiguration() {
    DevServerSettings untuned = DevServerSettings.untuned();

    assertThat(untuned.isTuned()).isFalse();
    assertThat(untuned.dynamicConfig()).isEmpty();
    assertThat(untuned.sqlitePragmas()).isEmpty();
    assertThat(untuned.searchAttributes()).isEqualTo(DevServerSettings.tuned().searchAttributes());
    assertThat(untuned.describe()).isEqualTo("untuned: the server's defaults");
  }

  @Test
  void eachLineBecomesTheStartDevArgumentItNames() {
    DevServerSettings settings =
        DevServerSettings.parse(
            """
        # a comment
        dynamic-config.history.timerProcessorMaxPollRPS=500
        dynamic-config.history.transferProcessorMaxPollRPS=1000
        search-attribute.DocumentId=Keyword
        sqlite-pragma.journal_mode=wal
        """);

    assertThat(settings.arguments(false))
        .containsExactly(
            "--dynamic-config-value", "history.timerProcessorMaxPollRPS=500",
            "--dynamic-config-value", "history.transferProcessorMaxPollRPS=1000",
            "--search-attribute", "DocumentId=Keyword");
    assertThat(settings.arguments(true))
        .containsExactly(
            "--sqlite-pragma", "journal_mode=wal",
            "--dynamic-config-value", "history.timerProcessorMaxPollRPS=500",
            "--dynamic-config-value", "history.transferProcessorMaxPollRPS=1000",
            "--search-attribute", "DocumentId=Keyword");
    assertThat(settings.searchAttributes()).isEqualTo(Map.of("DocumentId", "Keyword"));
  }

  @Test
  void anUnknownKeyIsAnErrorNamingIt() {
    assertThatThrownBy(() -> DevServerSettings.parse("history.transferProcessorMaxPollRPS=1000"))
        .hasMessageContaining("unknown key 'history.transferProcessorMaxPollRPS'");
  }

  @Test
  void anEmptyFileMeansNoArguments() {
    assertThat(DevServerSettings.parse("# nothing\n").arguments(true)).isEqualTo(List.of());
  }
}
