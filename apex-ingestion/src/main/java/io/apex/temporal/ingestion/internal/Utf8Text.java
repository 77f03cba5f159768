package io.apex.temporal.ingestion.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Plain text that is valid UTF-8 needs no parser: read as it is, without Tika's charset detection
 * and its XHTML round trip, which took about a sixth of the worker's Java CPU per one-page text
 * document (JFR samples, ingestion benchmark). Anything else goes to Tika as before.
 */
final class Utf8Text {
  private static final byte[] UTF8_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Utf8Text() {}

  /** The text when every byte is valid UTF-8, without a leading byte-order mark; else empty. */
  static Optional<String> decode(byte[] content) {
    int skip = startsWithMark(content) ? UTF8_MARK.length : 0;
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content, skip, content.length - skip))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWithMark(byte[] content) {
    return content.length >= 3
        && content[0] == UTF8_MARK[0]
        && content[1] == UTF8_MARK[1]
        && content[2] == UTF8_MARK[2];
  }
}
