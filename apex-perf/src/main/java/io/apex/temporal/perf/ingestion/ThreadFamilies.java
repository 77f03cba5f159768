package io.apex.temporal.perf.ingestion;

import java.util.Locale;

/** Names the part of the worker a thread works for, from the name its pool gives it. */
final class ThreadFamilies {
  static final String EMBEDDING = "embedding model";

  private ThreadFamilies() {}

  static String of(String threadName) {
    String name = threadName == null ? "" : threadName.toLowerCase(Locale.ROOT);
    if (name.startsWith("embedding-")) {
      return EMBEDDING;
    }
    if (name.startsWith("activity executor") || name.contains("activity")) {
      return "activity threads (staging, parsing, entities, store calls)";
    }
    if (name.startsWith("workflow") || name.contains("workflow executor")) {
      return "workflow tasks";
    }
    if (name.contains("grpc") || name.contains("test") || name.contains("timelocking")) {
      return "Temporal server (in-process) and gRPC";
    }
    if (name.contains("poller")) {
      return "task pollers";
    }
    if (name.contains("lucene") || name.contains("change") || name.contains("index")) {
      return "search index";
    }
    return "other threads";
  }
}
