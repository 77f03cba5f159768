package io.apex.temporal.infra;

import java.util.List;

/** One scrape_configs entry of a Prometheus configuration. */
public record ScrapeJob(
    String name, List<String> targets, String interval, String timeout, String metricsPath) {}
