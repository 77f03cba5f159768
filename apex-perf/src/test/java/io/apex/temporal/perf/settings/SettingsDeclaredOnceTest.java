package io.apex.temporal.perf.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@link PerfSetting} is the one declaration of the benchmark's settings: apex-perf/pom.xml
 * forwards them by their common prefix, so a setting added to the enum reaches the benchmark JVM
 * without a line in the pom, and the pom holds no list to fall out of step with the enum.
 */
class SettingsDeclaredOnceTest {
  /** The settings an execution fixes to say which run it is; no other setting is named. */
  private static final Set<PerfSetting> FIXED_BY_AN_EXECUTION =
      EnumSet.of(PerfSetting.PROFILE, PerfSetting.TARGET, PerfSetting.REPORT_DIR);

  private static final Pattern NAMED = Pattern.compile("apex\\.perf\\.[a-z0-9][a-z0-9.-]*");

  private static String pomText;
  private static Document pom;

  @BeforeAll
  static void readPom() throws Exception {
    // Surefire runs in the module's directory.
    Path file = Path.of("pom.xml");
    pomText = Files.readString(file);
    pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    assertThat(pomText).contains("<artifactId>apex-perf</artifactId>");
  }

  @Test
  void thePomDeclaresNoBenchmarkSettingAsAMavenProperty() {
    assertThat(declaredProperties()).doesNotContainAnyElementsOf(settingProperties());
  }

  @Test
  void thePomForwardsNoSettingByItsName() {
    List<String> forwardedByName =
        settingProperties().stream()
            .filter(property -> pomText.contains("${" + property + "}"))
            .toList();

    assertThat(forwardedByName).isEmpty();
  }

  @Test
  void thePomNamesOnlyTheSettingsThatSayWhichRunAnExecutionIs() {
    Set<String> named = new TreeSet<>();
    Matcher matcher = NAMED.matcher(pomText);
    while (matcher.find()) {
      named.add(matcher.group());
    }
    // apex.perf.heap, apex.perf.skip...: Maven's own build settings, declared in the pom alone.
    named.removeAll(declaredProperties());

    assertThat(named)
        .isSubsetOf(
            FIXED_BY_AN_EXECUTION.stream().map(PerfSetting::property).collect(Collectors.toSet()));
  }

  @Test
  void everyBenchmarkJvmGetsEverySettingFromTheCommandLineUnlessItsExecutionFixesIt() {
    NodeList javaTasks = pom.getElementsByTagName("java");
    assertThat(javaTasks.getLength()).as("benchmark JVMs the pom starts").isGreaterThanOrEqualTo(3);
    for (int i = 0; i < javaTasks.getLength(); i++) {
      Element java = (Element) javaTasks.item(i);
      Set<String> fixed = attributes(java, "sysproperty", "key");
      Predicate<String> forwarded = forwarded(java);

      List<String> lost =
          settingProperties().stream()
              .filter(property -> !fixed.contains(property) && !forwarded.test(property))
              .toList();

      assertThat(lost).as("settings %s cannot reach", java.getAttribute("classname")).isEmpty();
    }
  }

  /** What an Ant {@code syspropertyset} of one {@code <java>} task passes on. */
  private static Predicate<String> forwarded(Element java) {
    Predicate<String> any = name -> false;
    NodeList refs = java.getElementsByTagName("propertyref");
    for (int i = 0; i < refs.getLength(); i++) {
      Element ref = (Element) refs.item(i);
      if (!ref.getAttribute("prefix").isEmpty()) {
        String prefix = ref.getAttribute("prefix");
        any = any.or(name -> name.startsWith(prefix));
      }
      if (!ref.getAttribute("regex").isEmpty()) {
        // Ant's default regular expressions are java.util.regex, matched with find().
        Pattern regex = Pattern.compile(ref.getAttribute("regex"));
        any = any.or(name -> regex.matcher(name).find());
      }
    }
    return any;
  }

  private static Set<String> attributes(Element parent, String tag, String attribute) {
    Set<String> values = new TreeSet<>();
    NodeList elements = parent.getElementsByTagName(tag);
    for (int i = 0; i < elements.getLength(); i++) {
      values.add(((Element) elements.item(i)).getAttribute(attribute));
    }
    return values;
  }

  /** The Maven properties the pom declares, in the project and in its profiles. */
  private static Set<String> declaredProperties() {
    Set<String> names = new TreeSet<>();
    NodeList blocks = pom.getElementsByTagName("properties");
    for (int i = 0; i < blocks.getLength(); i++) {
      for (Node child = blocks.item(i).getFirstChild();
          child != null;
          child = child.getNextSibling()) {
        if (child instanceof Element element) {
          names.add(element.getTagName());
        }
      }
    }
    return names;
  }

  private static List<String> settingProperties() {
    return Arrays.stream(PerfSetting.values()).map(PerfSetting::property).toList();
  }
}
