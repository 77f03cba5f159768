/**
 * The gRPC connection to the Temporal frontend: service stub options, reachability with backoff,
 * and the watch that logs when the connection drops and returns.
 *
 * <p>Internal: no compatibility promise. Any type here may change or go in any release; other
 * services depend only on the public package io.apex.temporal.client.
 */
package io.apex.temporal.client.internal.connection;
