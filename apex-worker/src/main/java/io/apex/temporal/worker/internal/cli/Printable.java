package io.apex.temporal.worker.internal.cli;

/**
 * Text as the command line prints it: a control character (a line break in a file name, an escape
 * sequence) is shown escaped, so no name can forge a line or drive the terminal.
 */
final class Printable {
  private Printable() {}

  static String of(String text) {
    if (text == null) {
      return "";
    }
    var out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\\') {
                out.append("\\\\");
              } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
