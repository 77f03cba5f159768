package io.apex.temporal.perf.retrieval;

import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Floor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The floors, each measured in the same run: hybrid nDCG@10 at least 0.44, and at least
 * 0.02 above the better of keyword and semantic search alone (fusing must earn its cost).
 */
final class RetrievalFloors {
  static final double MIN_HYBRID_NDCG = 0.44;
  static final double MIN_HYBRID_GAIN = 0.02;

  private RetrievalFloors() {}

  static List<Floor> check(List<ModeScores> modes) {
    Optional<ModeScores> hybrid = mode(modes, "hybrid");
    Optional<ModeScores> semantic = mode(modes, "semantic");
    Optional<ModeScores> keyword = mode(modes, "keyword");
    String ndcg = hybrid.map(h -> format(h.ndcgAt10())).orElse("not run");
    boolean ndcgPassed = hybrid.map(h -> h.ndcgAt10() >= MIN_HYBRID_NDCG).orElse(false);
    String gain = "not run";
    boolean gainPassed = false;
    if (hybrid.isPresent() && semantic.isPresent() && keyword.isPresent()) {
      double better = Math.max(semantic.get().ndcgAt10(), keyword.get().ndcgAt10());
      double by = hybrid.get().ndcgAt10() - better;
      gain = String.format(Locale.ROOT, "%+.3f", by);
      // Rounded to the reported precision, so that the floor agrees with the figures shown.
      gainPassed = Math.round(by * 1e6) >= Math.round(MIN_HYBRID_GAIN * 1e6);
    }
    return List.of(
        new Floor("hybrid nDCG@10", ">= " + format(MIN_HYBRID_NDCG), ndcg, ndcgPassed),
        new Floor(
            "hybrid nDCG@10 above the better of keyword and semantic",
            ">= +" + format(MIN_HYBRID_GAIN),
            gain,
            gainPassed));
  }

  private static Optional<ModeScores> mode(List<ModeScores> modes, String name) {
    return modes.stream().filter(m -> m.mode().equals(name)).findFirst();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
