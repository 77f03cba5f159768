package io.apex.temporal.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A benchmark that misses a floor exits 1; that fails {@code mvn verify} only while the antrun
 * {@code <java>} task that runs it has {@code failonerror="true"} (Ant's default is false).
 */
class BenchmarkTasksFailTheBuildTest {
  private record JavaTask(String classname, String failonerror) {}

  @Test
  void everyBenchmarkTaskInThePomFailsTheBuildWhenTheBenchmarkFails() throws Exception {
    var pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile());
    NodeList java = pom.getElementsByTagName("java");
    List<JavaTask> tasks = new ArrayList<>();
    for (int i = 0; i < java.getLength(); i++) {
      Element task = (Element) java.item(i);
      tasks.add(new JavaTask(task.getAttribute("classname"), task.getAttribute("failonerror")));
    }

    assertThat(tasks)
        .extracting(JavaTask::classname)
        .containsExactlyInAnyOrder(
            "io.apex.temporal.perf.PerfMain",
            "io.apex.temporal.perf.ingestion.IngestionBenchmarkMain",
            "io.apex.temporal.perf.api.ApiBenchmarkMain",
            "io.apex.temporal.perf.retrieval.RetrievalBenchmarkMain",
            "io.apex.temporal.perf.PerfMain");
    assertThat(tasks).allSatisfy(task -> assertThat(task.failonerror()).isEqualTo("true"));
  }
}
