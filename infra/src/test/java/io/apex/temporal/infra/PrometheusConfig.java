package io.apex.temporal.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A Prometheus configuration file (prometheus.yml), parsed. */
public record PrometheusConfig(JsonNode tree) {

  public static PrometheusConfig read(Path file) {
    return new PrometheusConfig(YamlFiles.readYaml(file));
  }

  public JsonNode global() {
    return tree.path("global");
  }

  public List<String> ruleFiles() {
    List<String> files = new ArrayList<>();
    tree.path("rule_files").forEach(file -> files.add(file.asText()));
    return files;
  }

  public List<ScrapeJob> jobs() {
    List<ScrapeJob> jobs = new ArrayList<>();
    for (JsonNode job : tree.path("scrape_configs")) {
      List<String> targets = new ArrayList<>();
      job.path("static_configs")
          .forEach(group -> group.path("targets").forEach(target -> targets.add(target.asText())));
      jobs.add(
          new ScrapeJob(
              job.path("job_name").asText(),
              targets,
              job.path("scrape_interval").asText(global().path("scrape_interval").asText("1m")),
              job.path("scrape_timeout").asText(global().path("scrape_timeout").asText("10s")),
              job.path("metrics_path").asText("/metrics")));
    }
    return jobs;
  }

  public Optional<ScrapeJob> job(String name) {
    return jobs().stream().filter(job -> job.name().equals(name)).findFirst();
  }

  public Set<String> jobNames() {
    Set<String> names = new TreeSet<>();
    jobs().forEach(job -> names.add(job.name()));
    return names;
  }

  /**
   * A copy for a test: each job's targets replaced (every job must be given one), every interval
   * set to {@code interval}, and the rule files made absolute so the copy can live elsewhere.
   */
  public PrometheusConfig forTest(
      Map<String, String> targetByJob, String interval, Path rulesDirectory) {
    if (!targetByJob.keySet().equals(jobNames())) {
      throw new IllegalArgumentException(
          "targets for " + targetByJob.keySet() + ", jobs are " + jobNames());
    }
    ObjectNode copy = tree.deepCopy();
    ObjectNode global = (ObjectNode) copy.path("global");
    global.put("scrape_interval", interval);
    global.put("scrape_timeout", interval);
    global.put("evaluation_interval", interval);
    ArrayNode rules = copy.putArray("rule_files");
    rules.add(rulesDirectory.toAbsolutePath().resolve("*.yml").toString());
    for (JsonNode node : copy.path("scrape_configs")) {
      ObjectNode job = (ObjectNode) node;
      job.put("scrape_interval", interval);
      job.put("scrape_timeout", interval);
      ArrayNode groups = job.putArray("static_configs");
      groups.addObject().putArray("targets").add(targetByJob.get(job.path("job_name").asText()));
    }
    return new PrometheusConfig(copy);
  }

  public void write(Path file) {
    YamlFiles.writeYaml(file, tree);
  }
}
