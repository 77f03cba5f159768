package io.apex.temporal.config;

/** Where a setting's value came from, highest precedence first. */
public enum Source {
  ENVIRONMENT("environment"),
  ENV_FILE(".env.temporal"),
  APPLICATION_CONF("application.conf"),
  TEMPORAL_VARIABLE("Temporal variable"),
  TEMPORAL_PROFILE("Temporal profile"),
  DEFAULT("reference.conf default");

  private final String label;

  Source(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
