package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.client.DocumentOutcome;
import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.client.StartedIngestion;
import io.apex.temporal.testkit.SampleDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real documents through the real ingestion: per round two good text files (ingested), the bad
 * inputs of the test kit (an empty file and a binary file refused at staging, a corrupt PDF refused
 * by parsing, which undoes its staging), and one good file again (unchanged). Keeps the totals that
 * the worker's {@code apex_ingestion_*} counters must show.
 */
public final class IngestionTraffic {
  public static final String SOURCE = "monitoring-test";

  /** What the worker's counters must show after every round so far. */
  public record Totals(
      int started,
      int completed,
      int unchanged,
      int invalidInput,
      int parseErrors,
      int parseErrorCompensations) {
    Totals plus(Totals other) {
      return new Totals(
          started + other.started,
          completed + other.completed,
          unchanged + other.unchanged,
          invalidInput + other.invalidInput,
          parseErrors + other.parseErrors,
          parseErrorCompensations + other.parseErrorCompensations);
    }

    public int finished() {
      return completed + unchanged + invalidInput + parseErrors;
    }
  }

  private static final Totals ROUND = new Totals(6, 2, 1, 2, 1, 1);

  private final IngestionClient client;
  private final Path folder;
  private Totals totals = new Totals(0, 0, 0, 0, 0, 0);
  private int rounds;

  public IngestionTraffic(IngestionClient client, Path folder) {
    this.client = client;
    this.folder = folder;
  }

  public synchronized void run() throws Exception {
    Path dir = folder.resolve("round-" + rounds++);
    List<Path> good = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      good.add(
          SampleDocuments.write(
              dir.resolve("good-" + i + ".txt"),
              SampleDocuments.text(SampleDocuments.pages("monitoring topic " + i, 1, i))));
    }
    var bad = SampleDocuments.badInputs(dir);
    List<StartedIngestion> started = new ArrayList<>();
    good.forEach(file -> started.add(client.start(SOURCE, file)));
    bad.values().forEach(file -> started.add(client.start(SOURCE, file)));
    List<DocumentOutcome> outcomes = await(started);
    assertThat(outcomes)
        .extracting(DocumentOutcome::kind)
        .as(outcomes.toString())
        .containsExactly(
            DocumentOutcome.Kind.OK,
            DocumentOutcome.Kind.OK,
            DocumentOutcome.Kind.FAILED,
            DocumentOutcome.Kind.FAILED,
            DocumentOutcome.Kind.FAILED);
    DocumentOutcome again = await(List.of(client.start(SOURCE, good.get(0)))).get(0);
    assertThat(again.kind()).as(again.toString()).isEqualTo(DocumentOutcome.Kind.UNCHANGED);
    totals = totals.plus(ROUND);
  }

  public synchronized Totals totals() {
    return totals;
  }

  private List<DocumentOutcome> await(List<StartedIngestion> started) throws Exception {
    List<CompletableFuture<DocumentOutcome>> outcomes =
        started.stream().map(client::outcome).toList();
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    return outcomes.stream().map(CompletableFuture::join).toList();
  }
}
