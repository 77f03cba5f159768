/**
 * The runtime's mechanics: the ordered list of managed parts and the SIGINT/SIGTERM handling.
 *
 * <p>Internal: no compatibility promise. Any type here may change or go in any release; other
 * services depend only on the public packages (io.apex.temporal.worker.runtime,
 * io.apex.temporal.client).
 */
package io.apex.temporal.worker.internal.runtime;
