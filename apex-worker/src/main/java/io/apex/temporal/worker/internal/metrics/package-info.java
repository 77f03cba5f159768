/**
 * Prometheus metrics and the HTTP endpoint that serves them with the liveness and readiness probes.
 *
 * <p>Internal: no compatibility promise. Any type here may change or go in any release; other
 * services depend only on the public packages (io.apex.temporal.worker.runtime,
 * io.apex.temporal.client).
 */
package io.apex.temporal.worker.internal.metrics;
