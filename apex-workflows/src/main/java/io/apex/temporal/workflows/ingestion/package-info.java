/**
 * Public API: the document ingestion workflow and activity interfaces, the records they pass on the
 * wire, its workflow IDs, failure types and search attributes.
 */
package io.apex.temporal.workflows.ingestion;
