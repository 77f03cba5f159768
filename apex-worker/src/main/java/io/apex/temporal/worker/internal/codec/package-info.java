/**
 * The client module's payload codec as a part of the worker's lifecycle.
 *
 * <p>Internal: no compatibility promise. Any type here may change or go in any release; other
 * services depend only on the public packages (io.apex.temporal.worker.runtime,
 * io.apex.temporal.client).
 */
package io.apex.temporal.worker.internal.codec;
