package io.apex.temporal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code KEY=VALUE} lines of a {@code .env.temporal} file: blank lines and {@code #}
 * comments are skipped, an optional {@code export } prefix is allowed, a value may be wrapped in
 * single or double quotes, and an unquoted value ends at a {@code " #"} comment. Everything after
 * the first {@code =} belongs to the value.
 */
public final class EnvFileParser {
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
  private static final Pattern LEADING_KEY =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?=[\\s:]|$)");

  /** The variables of the file, and a problem for every line that is not a variable. */
  public record Parsed(Map<String, String> variables, List<ConfigProblem> problems) {}

  private final String fileName;

  public EnvFileParser(String fileName) {
    this.fileName = fileName;
  }

  public Parsed parse(List<String> lines) {
    Map<String, String> variables = new LinkedHashMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      String key = equals < 0 ? "" : line.substring(0, equals).strip();
      if (!KEY.matcher(key).matches()) {
        problems.add(
            new ConfigProblem(fileName + " line " + (i + 1), "a KEY=VALUE line", shown(line)));
        continue;
      }
      variables.put(key, value(line.substring(equals + 1).strip()));
    }
    return new Parsed(variables, problems);
  }

  /**
   * A malformed line as it may be shown: whole when it starts with a setting that is not secret;
   * otherwise its key and a mask, or only a mask when no key can be told, since the rest may be a
   * secret.
   */
  private static String shown(String line) {
    Matcher key = LEADING_KEY.matcher(line);
    if (!key.lookingAt()) {
      return Secret.MASK;
    }
    boolean plain = Setting.byEnvVar(key.group(1)).map(setting -> !setting.secret()).orElse(false);
    if (plain) {
      return line;
    }
    // A lone word may itself be the secret.
    return key.end() == line.length() ? Secret.MASK : key.group(1) + " " + Secret.MASK;
  }

  private static String value(String text) {
    if (text.length() >= 2) {
      char first = text.charAt(0);
      if ((first == '"' || first == '\'') && text.indexOf(first, 1) > 0) {
        return text.substring(1, text.indexOf(first, 1));
      }
    }
    int comment = text.indexOf(" #");
    return (comment < 0 ? text : text.substring(0, comment)).strip();
  }
}
