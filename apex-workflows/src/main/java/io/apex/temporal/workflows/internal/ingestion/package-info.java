/**
 * The document ingestion workflow's implementation, its input checks and its activity options
 * table.
 *
 * <p>Internal: no compatibility promise. Any type here may change or go in any release; other
 * services depend only on the public packages (io.apex.temporal.workflows, .greeting, .ingestion).
 */
package io.apex.temporal.workflows.internal.ingestion;
