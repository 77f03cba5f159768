package io.apex.temporal.infra;

/** One query (target) of a dashboard panel, as written in the dashboard. */
public record PanelQuery(String refId, String expr) {}
