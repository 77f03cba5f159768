/**
 * Public API: a workflow client for other services, built from the same settings as the worker,
 * that speaks what the worker speaks (the strict input converter and the payload codec).
 */
package io.apex.temporal.worker.client;
