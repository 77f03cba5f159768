package io.apex.temporal.infra;

/** An active scrape target as Prometheus reports it on /api/v1/targets. */
public record ScrapeTarget(String job, String scrapeUrl, String health, String lastError) {

  public boolean up() {
    return "up".equals(health);
  }
}
