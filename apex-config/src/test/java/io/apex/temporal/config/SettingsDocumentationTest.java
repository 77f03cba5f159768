package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table, {@code reference.conf} and {@code .env.temporal.example} list
 * exactly the settings that {@link Setting} declares, with the same defaults.
 */
class SettingsDocumentationTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
  private static final Pattern CONF_VARIABLE =
      Pattern.compile("#\\s*([A-Z][A-Z0-9]*_[A-Z0-9_]+)\\b");

  /** Written where a setting has no default. */
  private static final String NONE = "none";

  private final Config reference =
      ConfigFactory.parseResources(SettingsDocumentationTest.class, "/reference.conf");

  @Test
  void readmeSettingsTableListsEverySettingWithItsDefault() throws IOException {
    Map<String, String> documented = readmeDefaults();

    assertThat(documented).isEqualTo(codeDefaults());
  }

  @Test
  void envFileExampleListsEverySettingWithItsDefault() throws IOException {
    Map<String, String> listed = new TreeMap<>();
    for (String line : read(ROOT.resolve(".env.temporal.example"))) {
      Matcher set = Pattern.compile("^([A-Z][A-Z0-9_]+)=(.*)$").matcher(line.trim());
      Matcher commented = Pattern.compile("^#\\s*([A-Z][A-Z0-9_]+)=").matcher(line.trim());
      if (set.find()) {
        listed.put(set.group(1), set.group(2));
      } else if (commented.find()) {
        listed.put(commented.group(1), NONE);
      }
    }

    assertThat(listed).isEqualTo(codeDefaults());
  }

  @Test
  void referenceConfNamesTheVariableOfEverySetting() throws IOException {
    List<String> named =
        read(Path.of("src/main/resources/reference.conf")).stream()
            .map(CONF_VARIABLE::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .sorted()
            .toList();

    assertThat(named)
        .containsExactlyElementsOf(
            Arrays.stream(Setting.values()).map(Setting::envVar).sorted().toList());
  }

  /** Each setting's default from reference.conf, or "none" when it has none. */
  private Map<String, String> codeDefaults() {
    Map<String, String> defaults = new TreeMap<>();
    for (Setting setting : Setting.values()) {
      defaults.put(
          setting.envVar(),
          reference.hasPath(setting.path())
              ? String.valueOf(reference.getValue(setting.path()).unwrapped())
              : NONE);
    }
    return defaults;
  }

  /**
   * The table under "## Settings": a row names one or more variables and as many defaults, or one
   * default shared by all of them.
   */
  private static Map<String, String> readmeDefaults() throws IOException {
    List<String> lines = read(ROOT.resolve("README.md"));
    int start = lines.indexOf("## Settings");
    assertThat(start).as("README has a '## Settings' section").isNotNegative();
    Map<String, String> defaults = new TreeMap<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("#")) {
        break;
      }
      String[] cells = line.split("\\|");
      if (!line.startsWith("|") || cells.length < 4) {
        continue;
      }
      List<String> variables = VARIABLE.matcher(cells[2]).results().map(m -> m.group(1)).toList();
      List<String> values =
          Arrays.stream(cells[3].split(","))
              .map(String::trim)
              .map(v -> v.replace("`", ""))
              // A default of the empty string is written as the word.
              .map(v -> v.equals("empty") ? "" : v)
              .toList();
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < variables.size(); i++) {
        row.put(variables.get(i), values.size() == 1 ? values.get(0) : values.get(i));
      }
      defaults.putAll(row);
    }
    return defaults;
  }

  private static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
