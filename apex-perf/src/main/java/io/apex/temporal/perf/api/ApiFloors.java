package io.apex.temporal.perf.api;

import io.apex.temporal.perf.api.ApiBenchmarkResult.Floor;
import io.apex.temporal.perf.api.ApiBenchmarkResult.SearchLatency;
import io.apex.temporal.perf.api.ApiBenchmarkResult.Uploads;
import io.apex.temporal.perf.api.ApiBenchmarkResult.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The issue's targets for the HTTP API on this 2-core machine, as floors: uploads of one-page
 * documents per minute end to end, and search p50/p99 at 8 clients over at least 20,000 chunks.
 */
final class ApiFloors {
  static final double MIN_UPLOADS_PER_MINUTE = 600;
  static final double MAX_P50_MILLIS = 20;
  static final double MAX_P99_MILLIS = 80;
  static final int FLOOR_CLIENTS = 8;

  private ApiFloors() {}

  /** What one run measured; a phase that did not run is absent. */
  record Measured(
      Optional<Uploads> onePage,
      Optional<Uploads> seeding,
      long storedChunks,
      Optional<SearchIndexSettling.Settled> settled,
      List<SearchLatency> search) {}

  static List<Floor> check(ApiBenchmarkSettings settings, Measured measured) {
    Optional<Uploads> onePage = measured.onePage().filter(u -> u.completed() > 0);
    Optional<SearchLatency> atFloor =
        measured.search().stream()
            .filter(s -> s.clients() == FLOOR_CLIENTS && s.queries() > 0)
            .findFirst();
    return List.of(
        new Floor(
            "one-page uploads per minute, upload to completed",
            ">= " + (int) MIN_UPLOADS_PER_MINUTE,
            onePage.map(u -> format("%.0f", u.perMinute())).orElse("not run"),
            onePage
                .map(u -> verdict(u.perMinute() >= MIN_UPLOADS_PER_MINUTE))
                .orElse(Verdict.NOT_RUN),
            settings.claimsTargets()),
        new Floor(
            "search p50 at " + FLOOR_CLIENTS + " clients",
            format("<= %.0f ms", MAX_P50_MILLIS),
            atFloor.map(s -> format("%.1f ms", s.p50())).orElse("not run"),
            atFloor.map(s -> verdict(s.p50() <= MAX_P50_MILLIS)).orElse(Verdict.NOT_RUN),
            settings.claimsTargets()),
        new Floor(
            "search p99 at " + FLOOR_CLIENTS + " clients",
            format("<= %.0f ms", MAX_P99_MILLIS),
            atFloor.map(s -> format("%.1f ms", s.p99())).orElse("not run"),
            atFloor.map(s -> verdict(s.p99() <= MAX_P99_MILLIS)).orElse(Verdict.NOT_RUN),
            settings.claimsTargets()),
        new Floor(
            "stored chunks searched",
            format(">= %,d", ApiBenchmarkSettings.ISSUE_CHUNKS),
            atFloor.isEmpty()
                ? "not run"
                : format("%,d", measured.storedChunks())
                    + (settings.claimsTargets()
                        ? ""
                        : format(
                            " (the %s profile seeds %,d; checked in the full profile only)",
                            settings.profile(), settings.seedChunks())),
            atFloor.isEmpty()
                ? Verdict.NOT_RUN
                : verdict(measured.storedChunks() >= ApiBenchmarkSettings.ISSUE_CHUNKS),
            settings.claimsTargets()),
        everythingAnswered(measured, atFloor));
  }

  private static Floor everythingAnswered(Measured measured, Optional<SearchLatency> atFloor) {
    boolean ran = measured.onePage().isPresent() && atFloor.isPresent();
    long failed =
        measured.onePage().map(Uploads::failed).orElse(0)
            + measured.seeding().map(Uploads::failed).orElse(0)
            + measured.search().stream().mapToLong(SearchLatency::failed).sum();
    return new Floor(
        "every upload completed, every search answered",
        "0 failed",
        ran ? String.valueOf(failed) : "not run",
        ran ? verdict(failed == 0) : Verdict.NOT_RUN,
        true);
  }

  private static Verdict verdict(boolean held) {
    return held ? Verdict.PASSED : Verdict.MISSED;
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
