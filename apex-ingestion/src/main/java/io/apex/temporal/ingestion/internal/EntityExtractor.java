package io.apex.temporal.ingestion.internal;

import java.util.List;

/**
 * Finds entities in a chunk of text. The rule-based one needs no network; an LLM-based one can be
 * added behind the same interface.
 */
interface EntityExtractor {
  List<EntityMention> extract(String text);
}
