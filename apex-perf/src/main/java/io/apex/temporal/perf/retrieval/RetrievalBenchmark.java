package io.apex.temporal.perf.retrieval;

import io.apex.temporal.client.DocumentOutcome;
import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.client.StartedIngestion;
import io.apex.temporal.ingestion.DocumentSearch;
import io.apex.temporal.ingestion.SearchHit;
import io.apex.temporal.ingestion.SearchMode;
import io.apex.temporal.ingestion.SearchQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests CISI's documents through the worker (title and abstract as one text file each), then runs
 * every judged query in each search mode, by document, and scores the rankings.
 */
final class RetrievalBenchmark {
  private static final Logger log = LoggerFactory.getLogger(RetrievalBenchmark.class);
  static final String SOURCE = "cisi";
  private static final int IN_FLIGHT = 16;
  private static final int DEPTH = 100;
  private static final Duration INGESTION_TIMEOUT = Duration.ofMinutes(15);

  private final IngestionClient ingestion;
  private final DocumentSearch search;
  private final Path documents;

  RetrievalBenchmark(IngestionClient ingestion, DocumentSearch search, Path documents) {
    this.ingestion = ingestion;
    this.search = search;
    this.documents = documents;
  }

  /** The store's document ID of each CISI document, after all were ingested. */
  Map<String, Integer> ingest(CisiCollection cisi) throws Exception {
    Files.createDirectories(documents);
    var cisiIds = new HashMap<String, Integer>();
    var outcomes = new ArrayList<CompletableFuture<DocumentOutcome>>();
    var inFlight = new Semaphore(IN_FLIGHT);
    for (var document : cisi.documents().entrySet()) {
      Path file = documents.resolve("cisi-" + document.getKey() + ".txt");
      Files.writeString(file, document.getValue(), StandardCharsets.UTF_8);
      inFlight.acquire();
      StartedIngestion started = ingestion.start(SOURCE, file);
      cisiIds.put(started.documentId(), document.getKey());
      outcomes.add(ingestion.outcome(started).whenComplete((o, e) -> inFlight.release()));
    }
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
        .get(INGESTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    var failed =
        outcomes.stream()
            .map(CompletableFuture::join)
            .filter(o -> o.kind() == DocumentOutcome.Kind.FAILED)
            .toList();
    if (!failed.isEmpty()) {
      throw new IllegalStateException(
          failed.size() + " CISI documents failed to ingest, first: " + failed.get(0).line());
    }
    return cisiIds;
  }

  /** Every judged query in {@code mode}, top 100 documents each, scored. */
  ModeScores measure(CisiCollection cisi, Map<String, Integer> cisiIds, SearchMode mode) {
    List<Answer> answers =
        ask(
            cisi,
            cisiIds,
            text -> new SearchQuery(text, DEPTH, mode, true, List.of(SOURCE), List.of()));
    double[] millis = sortedMillis(answers);
    var scores =
        new ModeScores(
            mode.wireName(),
            mean(answers, a -> RankingMetrics.ndcg(a.ranked(), a.relevant(), 10)),
            mean(answers, a -> RankingMetrics.recall(a.ranked(), a.relevant(), 100)),
            mean(answers, a -> RankingMetrics.reciprocalRank(a.ranked(), a.relevant(), 10)),
            percentile(millis, 50),
            percentile(millis, 99));
    log.info("retrieval on CISI, {}: {}", mode.wireName(), scores);
    return scores;
  }

  /**
   * Every judged query in {@code mode} as the API's default asks it: the top {@code topK} chunks,
   * the documents they come from in the order of their first chunk, scored.
   */
  TopChunkScores measureTopChunks(
      CisiCollection cisi, Map<String, Integer> cisiIds, SearchMode mode, int topK) {
    List<Answer> answers =
        ask(
            cisi,
            cisiIds,
            text -> new SearchQuery(text, topK, mode, false, List.of(SOURCE), List.of()));
    double[] millis = sortedMillis(answers);
    var scores =
        new TopChunkScores(
            mode.wireName(),
            topK,
            mean(answers, a -> RankingMetrics.ndcg(a.ranked(), a.relevant(), 10)),
            mean(answers, a -> RankingMetrics.reciprocalRank(a.ranked(), a.relevant(), 10)),
            percentile(millis, 50),
            percentile(millis, 99));
    log.info("retrieval on CISI, top {} chunks, {}: {}", topK, mode.wireName(), scores);
    return scores;
  }

  /**
   * One judged query's answer: the CISI documents found, in order, each once; the relevant ones.
   */
  private record Answer(List<String> ranked, Set<String> relevant, double millis) {}

  /** Every judged query, asked as {@code query} makes it of its text, timed. */
  private List<Answer> ask(
      CisiCollection cisi, Map<String, Integer> cisiIds, Function<String, SearchQuery> query) {
    var answers = new ArrayList<Answer>();
    for (var judged : cisi.relevant().entrySet()) {
      SearchQuery asked = query.apply(cisi.queries().get(judged.getKey()));
      long begin = System.nanoTime();
      List<SearchHit> hits = search.search(asked);
      double millis = (System.nanoTime() - begin) / 1e6;
      List<String> ranked =
          hits.stream()
              .map(hit -> String.valueOf(cisiIds.get(hit.documentId())))
              .distinct()
              .toList();
      Set<String> relevant =
          judged.getValue().stream().map(String::valueOf).collect(Collectors.toSet());
      answers.add(new Answer(ranked, relevant, millis));
    }
    return answers;
  }

  private static double mean(List<Answer> answers, ToDoubleFunction<Answer> metric) {
    return answers.stream().mapToDouble(metric).average().orElse(0);
  }

  private static double[] sortedMillis(List<Answer> answers) {
    return answers.stream().mapToDouble(Answer::millis).sorted().toArray();
  }

  static double percentile(double[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
