/**
 * The implementations behind apex-ingestion's public API: the parser, chunker, entity rules and
 * embedding model, the PostgreSQL store and its tables, the Lucene index and its rankings, the
 * activities, and {@link io.apex.temporal.ingestion.internal.IngestionParts}, which starts them
 * (with the seams this module's tests use).
 *
 * <p>Internal: no compatibility promise. Any type here may change or go in any release; other
 * services depend only on the public package io.apex.temporal.ingestion.
 */
package io.apex.temporal.ingestion.internal;
