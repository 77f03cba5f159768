/**
 * Document ingestion wired into the worker and the command line: the components as a managed part,
 * the client that starts ingestions, search attribute registration.
 *
 * <p>Internal: no compatibility promise. Any type here may change or go in any release; other
 * services depend only on the public packages (io.apex.temporal.worker.runtime,
 * io.apex.temporal.client).
 */
package io.apex.temporal.worker.internal.ingestion;
