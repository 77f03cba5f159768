package io.apex.temporal.infra;

/** A rule as a running Prometheus reports it on /api/v1/rules. */
public record LoadedRule(String group, String name, String type, String health, String lastError) {}
