package io.apex.temporal.infra;

import java.util.List;

/** A dashboard panel that shows data (rows are not panels here). */
public record Panel(
    String dashboard,
    int id,
    String title,
    String type,
    String datasourceUid,
    List<PanelQuery> queries) {}
