/**
 * Public API of apex-ingestion: the real local components behind the ingestion activities, and what
 * the memory service reads through them.
 *
 * <ul>
 *   <li>{@link io.apex.temporal.ingestion.IngestionComponents}: starts the store, model, parser and
 *       search index once per process; hands out the activities and the readers below.
 *   <li>{@link io.apex.temporal.ingestion.IngestionSettings}: the store, chunking and batching, the
 *       largest document and the ingest roots the components start with.
 *   <li>{@link io.apex.temporal.ingestion.IngestionMetrics}: what the activities measure, for the
 *       worker to record ({@code NONE} records nothing).
 *   <li>{@link io.apex.temporal.ingestion.DocumentSearch}: search over the stored chunks.
 *   <li>{@link io.apex.temporal.ingestion.SearchQuery}: one search request, with its filters.
 *   <li>{@link io.apex.temporal.ingestion.SearchMode}: hybrid, semantic or keyword ranking.
 *   <li>{@link io.apex.temporal.ingestion.SearchHit}: one chunk a search found, with its score.
 *   <li>{@link io.apex.temporal.ingestion.DocumentCatalog}: documents one at a time or a page at a
 *       time, and the staging and recording of uploads.
 *   <li>{@link io.apex.temporal.ingestion.DocumentListing}: one document's stored version, latest
 *       upload, or both.
 *   <li>{@link io.apex.temporal.ingestion.StoredDocument}: a document's current version as the
 *       store holds it.
 *   <li>{@link io.apex.temporal.ingestion.DocumentRequest}: a document's latest accepted upload.
 *   <li>{@link io.apex.temporal.ingestion.StagedUpload}: uploaded content as the store took it.
 *   <li>{@link io.apex.temporal.ingestion.EntityGraph}: entities by name, and their neighbourhood.
 *   <li>{@link io.apex.temporal.ingestion.EntitySummary}: an entity and how often it is mentioned.
 *   <li>{@link io.apex.temporal.ingestion.EntityDetail}: an entity, its documents and its related
 *       entities.
 *   <li>{@link io.apex.temporal.ingestion.AccessKeys}: the memory service's API keys: create,
 *       revoke, list, verify.
 *   <li>{@link io.apex.temporal.ingestion.AccessKey}: one key as the store keeps it, never the
 *       secret.
 * </ul>
 *
 * <p>The implementations are under {@code io.apex.temporal.ingestion.internal}, with no
 * compatibility promise.
 */
package io.apex.temporal.ingestion;
