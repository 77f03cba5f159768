package io.apex.temporal.perf.api;

import io.apex.temporal.perf.cpu.ProcessCpu;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hybrid searches through {@code POST /v1/search} (top 10) from a number of clients at once, each
 * sending its next query when the last one answered: the latency of every answered query, from
 * sending the request to reading the whole reply, in an HdrHistogram.
 */
final class SearchPhase {
  private static final Logger log = LoggerFactory.getLogger(SearchPhase.class);
  static final int TOP_K = 10;
  // Microseconds up to a minute, three significant digits.
  private static final long HIGHEST_MICROS = 60_000_000L;

  private final MemoryServiceHttp api;
  private final LongSupplier postgresCpuNanos;

  /**
   * @param postgresCpuNanos the store's CPU time so far (its postmaster and backends)
   */
  SearchPhase(MemoryServiceHttp api, LongSupplier postgresCpuNanos) {
    this.api = api;
    this.postgresCpuNanos = postgresCpuNanos;
  }

  ApiBenchmarkResult.SearchLatency run(
      int clients, SearchWarmUp warmUp, int queriesPerClient, IntFunction<String> query)
      throws Exception {
    // Unmeasured queries first: the connections, the JIT and the index's caches warm up. Their
    // queries come after the measured ones', so none is asked twice.
    int perClient = Math.max(1, warmUp.roundQueries() / clients);
    int warmUpFrom = clients * queriesPerClient;
    SearchWarmUp.Done warm =
        warmUp.run(
            round -> {
              measure(clients, warmUpFrom + round * clients * perClient, perClient, query);
              return (long) clients * perClient;
            });
    Histogram latency = new Histogram(HIGHEST_MICROS, 3);
    int failed = 0;
    long jvmCpu = ProcessCpu.thisProcessNanos();
    long postgresCpu = postgresCpuNanos.getAsLong();
    long begin = System.nanoTime();
    List<Histogram> measured = measure(clients, 0, queriesPerClient, query);
    double seconds = (System.nanoTime() - begin) / 1e9;
    var cpu =
        new ApiBenchmarkResult.CpuNanos(
            ProcessCpu.thisProcessNanos() - jvmCpu, postgresCpuNanos.getAsLong() - postgresCpu);
    for (Histogram client : measured) {
      latency.add(client);
      failed += (int) (queriesPerClient - client.getTotalCount());
    }
    return ApiBenchmarkResult.SearchLatency.of(clients, latency, failed, seconds, warm, cpu);
  }

  /** Client {@code c} sends queries {@code first + c*count ...}: no two clients share one. */
  private List<Histogram> measure(int clients, int first, int count, IntFunction<String> query)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Histogram>> futures = new ArrayList<>();
    try {
      for (int c = 0; c < clients; c++) {
        int offset = first + c * count;
        futures.add(
            pool.submit(
                () -> {
                  Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
                  for (int q = 0; q < count; q++) {
                    String text = query.apply(offset + q);
                    long sent = System.nanoTime();
                    try {
                      int results = api.search(text, TOP_K);
                      long micros = (System.nanoTime() - sent) / 1_000;
                      if (results == 0) {
                        log.error("search '{}' found nothing", text);
                      } else {
                        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
                      }
                    } catch (Exception e) {
                      log.error("search '{}' failed: {}", text, e.toString());
                    }
                  }
                  return histogram;
                }));
      }
      List<Histogram> histograms = new ArrayList<>();
      for (Future<Histogram> future : futures) {
        histograms.add(future.get());
      }
      return histograms;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
