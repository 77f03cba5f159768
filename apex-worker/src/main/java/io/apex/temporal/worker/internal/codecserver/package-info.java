/**
 * The codec endpoint that lets the Temporal UI and CLI decode encrypted payloads.
 *
 * <p>Internal: no compatibility promise. Any type here may change or go in any release; other
 * services depend only on the public packages (io.apex.temporal.worker.runtime,
 * io.apex.temporal.client).
 */
package io.apex.temporal.worker.internal.codecserver;
