/**
 * The strict data converter that fails a workflow with bad input at once, instead of retrying its
 * workflow task.
 *
 * <p>Internal: no compatibility promise. Any type here may change or go in any release; other
 * services depend only on the public packages (io.apex.temporal.workflows, .greeting, .ingestion).
 */
package io.apex.temporal.workflows.internal.input;
