package io.apex.temporal.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The project's modules as the parent pom lists them, and what {@code mvn -pl M -am} builds: M and
 * every module it depends on in any scope (Maven puts test-scoped ones in the reactor too). Module
 * folders are named after their artifacts here.
 */
public record MavenReactor(Path root, List<String> modules) {
  private static final String GROUP = "io.apex.temporal";

  public static MavenReactor read(Path root) {
    List<String> modules = new ArrayList<>();
    NodeList nodes = pom(root.resolve("pom.xml")).getElementsByTagName("module");
    for (int i = 0; i < nodes.getLength(); i++) {
      modules.add(nodes.item(i).getTextContent().strip());
    }
    return new MavenReactor(root, List.copyOf(modules));
  }

  public Set<String> alsoMake(String module) {
    Set<String> built = new TreeSet<>(List.of(module));
    Deque<String> pending = new ArrayDeque<>(List.of(module));
    while (!pending.isEmpty()) {
      for (String dependency : projectDependencies(pending.pop())) {
        if (built.add(dependency)) {
          pending.push(dependency);
        }
      }
    }
    return built;
  }

  /** The reactor modules a module's pom names under {@code <dependencies>}, whatever the scope. */
  private List<String> projectDependencies(String module) {
    List<String> found = new ArrayList<>();
    NodeList dependencies =
        pom(root.resolve(module).resolve("pom.xml")).getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      boolean inDependencies =
          dependency.getParentNode().getNodeName().equals("dependencies")
              && !dependency
                  .getParentNode()
                  .getParentNode()
                  .getNodeName()
                  .equals("dependencyManagement");
      String artifact = child(dependency, "artifactId");
      if (inDependencies
          && GROUP.equals(child(dependency, "groupId"))
          && modules.contains(artifact)) {
        found.add(artifact);
      }
    }
    return found;
  }

  private static String child(Element element, String name) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node.getNodeName().equals(name)) {
        return node.getTextContent().strip();
      }
    }
    return "";
  }

  private static Document pom(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("could not read " + file + ": " + e.getMessage(), e);
    }
  }
}
