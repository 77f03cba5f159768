package io.apex.temporal.infra;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation for the forms this project uses: {@code ${NAME}} and
 * {@code ${NAME:-default}}, resolved against a given environment as {@code docker compose} would.
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
