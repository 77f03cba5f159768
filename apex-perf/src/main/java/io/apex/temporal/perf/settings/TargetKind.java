package io.apex.temporal.perf.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which Temporal server the benchmark drives. */
public enum TargetKind {
  /** The Java test server that the worker runtime starts in its own JVM. */
  EMBEDDED,
  /** {@code temporal server start-dev}, started by the benchmark on free ports. */
  DEV_SERVER,
  /** A server already running, reached through the usual {@code TEMPORAL_*} settings. */
  EXISTING;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<TargetKind> byLabel(String label) {
    return Arrays.stream(values()).filter(kind -> kind.label().equals(label)).findFirst();
  }
}
