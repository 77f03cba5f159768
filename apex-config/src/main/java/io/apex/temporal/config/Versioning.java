package io.apex.temporal.config;

/** Worker Deployment versioning: the deployment this worker belongs to and its build ID. */
public record Versioning(boolean enabled, String deploymentName, String buildId) {}
