package io.apex.temporal.infra;

/** A dashboard template variable; {@code query} is empty for a data source variable. */
public record TemplateVariable(
    String name, String type, String query, boolean multi, boolean includeAll) {}
