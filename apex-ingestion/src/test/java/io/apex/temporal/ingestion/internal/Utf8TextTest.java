package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

  @Test
  void validUtf8IsReadAsItIsWithoutItsByteOrderMark() {
    byte[] marked = "\uFEFFFjörður – tide tables".getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8Text.decode(marked)).contains("Fjörður – tide tables");
    assertThat(Utf8Text.decode("plain ascii".getBytes(StandardCharsets.US_ASCII)))
        .contains("plain ascii");
  }

  @Test
  void textInAnotherEncodingIsLeftToTheParser() {
    byte[] latin1 = "Fjörður".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Utf8Text.decode(latin1)).isEmpty();
    byte[] truncated = {'a', (byte) 0xE2, (byte) 0x80};
    assertThat(Utf8Text.decode(truncated)).isEmpty();
  }
}
