package io.apex.temporal.perf.ingestion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ours against the in-process peer on the same documents, and where our documents' time and CPU
 * went: CPU seconds by part of the worker JVM and PostgreSQL over the measured phase, the history's
 * times per activity, the embedding's share of all CPU, and the throughput the embedding alone
 * would allow on this machine's cores.
 */
public record Breakdown(
    int documents,
    double oursPerMinute,
    double peerPerMinute,
    double ratio,
    double oursChunksPerDocument,
    double peerSegmentsPerDocument,
    double peerCpuMillisPerDocument,
    Map<String, Double> workerCpuMillisPerDocument,
    double storeCpuMillisPerDocument,
    double embeddingShareOfCpu,
    double embeddingBoundPerMinute,
    ActivityTimes.Summary times) {

  static Breakdown of(
      LangChainPeer.Measured peer,
      double oursPerMinute,
      long ourChunks,
      Map<String, Double> workerCpuSeconds,
      double storeCpuSeconds,
      ActivityTimes.Summary times) {
    int documents = peer.documents();
    Map<String, Double> perDocument = new LinkedHashMap<>();
    workerCpuSeconds.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> perDocument.put(e.getKey(), e.getValue() * 1000 / documents));
    double workerTotal = workerCpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    double embedding = workerCpuSeconds.getOrDefault(ThreadFamilies.EMBEDDING, 0.0);
    double allCpu = workerTotal + storeCpuSeconds;
    int cores = Runtime.getRuntime().availableProcessors();
    return new Breakdown(
        documents,
        oursPerMinute,
        peer.documentsPerMinute(),
        peer.documentsPerMinute() <= 0 ? 0 : oursPerMinute / peer.documentsPerMinute(),
        (double) ourChunks / documents,
        (double) peer.segments() / documents,
        peer.cpuSeconds() * 1000 / documents,
        perDocument,
        storeCpuSeconds * 1000 / documents,
        allCpu <= 0 ? 0 : embedding / allCpu,
        embedding <= 0 ? 0 : cores * 60.0 / (embedding / documents),
        times);
  }
}
