package io.apex.temporal.workflows.internal.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceLabelTest {
  @Test
  void anOperatorsFeedNameIsItsOwnLabel() {
    assertThat(SourceLabel.of("crm-export_2024.v2:eu/west@team"))
        .isEqualTo("crm-export_2024.v2:eu/west@team");
  }

  @Test
  void newlinesQuotesAndOtherCharactersBecomeUnderscores() {
    assertThat(SourceLabel.of("feed\n} evil{x=\"1\"")).isEqualTo("feed___evil_x__1_");
    assertThat(SourceLabel.of("café\u0000\u202Ename")).isEqualTo("caf___name");
  }

  @Test
  void aLongSourceIsCutAndABlankOneIsUnknown() {
    assertThat(SourceLabel.of("x".repeat(500))).hasSize(SourceLabel.MAX_LENGTH);
    assertThat(SourceLabel.of(" \t")).isEqualTo(SourceLabel.UNKNOWN);
  }
}
