package io.apex.temporal.ingestion.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Text that begins with a UTF-16 or UTF-32 byte-order mark: its NUL bytes are the encoding, not a
 * sign of a binary file. Such text is read as UTF-8, without the mark, by the format check and the
 * parser alike.
 */
final class ByteOrderMark {
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  private ByteOrderMark() {}

  /** The content as UTF-8 when it starts with a UTF-16 or UTF-32 mark; else the content itself. */
  static byte[] asUtf8(byte[] content) {
    return wideEncoding(content)
        .map(
            bom ->
                new String(content, bom.length(), content.length - bom.length(), bom.charset())
                    .getBytes(StandardCharsets.UTF_8))
        .orElse(content);
  }

  private record Mark(Charset charset, int length) {}

  /** UTF-32's marks first: UTF-32LE's begins with UTF-16LE's. */
  private static Optional<Mark> wideEncoding(byte[] b) {
    if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
      return Optional.of(new Mark(UTF_32BE, 4));
    }
    if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
      return Optional.of(new Mark(UTF_32LE, 4));
    }
    if (starts(b, 0xFE, 0xFF)) {
      return Optional.of(new Mark(StandardCharsets.UTF_16BE, 2));
    }
    if (starts(b, 0xFF, 0xFE)) {
      return Optional.of(new Mark(StandardCharsets.UTF_16LE, 2));
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] content, int... prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((content[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
