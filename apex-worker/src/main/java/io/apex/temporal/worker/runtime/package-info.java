/**
 * Public API: {@link io.apex.temporal.worker.runtime.WorkerRuntime}, the worker for a service that
 * embeds one (it owns its lifecycle: start, drain on SIGINT/SIGTERM or close), the {@link
 * io.apex.temporal.worker.runtime.Managed} parts it can start before polling, and what it reports.
 * Everything under {@code io.apex.temporal.worker.internal} may change in any release.
 */
package io.apex.temporal.worker.runtime;
