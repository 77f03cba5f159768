package io.apex.temporal.config;

/** Whether Temporal takes document ingestion, and for what share of documents. */
public record Rollout(boolean enabled, int percentage) {

  /** True when some documents at all go through Temporal. */
  public boolean useTemporal() {
    return enabled && percentage > 0;
  }
}
