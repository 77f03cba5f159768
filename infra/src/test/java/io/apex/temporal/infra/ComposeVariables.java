package io.apex.temporal.infra;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation for the forms this project uses: {@code ${NAME}} and {@code
 * ${NAME:-default}}, resolved against a given environment as {@code docker compose} would.
 */
public record ComposeVariables(Map<String, String> environment) {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

  /** What an operator gets who sets nothing. */
  public static ComposeVariables unset() {
    return new ComposeVariables(Map.of());
  }

  public String resolve(String text) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      String value = environment.get(matcher.group(1));
      if (value == null || value.isEmpty()) {
        value = matcher.group(2) == null ? "" : matcher.group(2);
      }
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }

  /**
   * The text a container receives for a value compose does not interpolate: {@code $$} becomes
   * {@code $}. A lone {@code $} before a name or a brace would be substituted by compose itself
   * (from the operator's shell, usually to nothing), so it is refused here.
   */
  public static String unescapeDollars(String text) {
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '$') {
        literal.append(c);
      } else if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
        literal.append('$');
        i++;
      } else if (i + 1 < text.length() && isSubstitutionStart(text.charAt(i + 1))) {
        throw new IllegalArgumentException(
            "compose would substitute the unescaped $ at "
                + i
                + ": ..."
                + text.substring(i, Math.min(text.length(), i + 20))
                + "...");
      } else {
        literal.append(c);
      }
    }
    return literal.toString();
  }

  private static boolean isSubstitutionStart(char c) {
    return c == '{' || c == '_' || Character.isLetter(c);
  }

  /** True when the text takes its value from the named variable. */
  public static boolean readsVariable(String text, String name) {
    Matcher matcher = VARIABLE.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1).equals(name)) {
        return true;
      }
    }
    return false;
  }
}
