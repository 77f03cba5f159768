/**
 * Public API: the typed, validated settings and their loader. Public as a whole because other
 * services load the same settings ({@link io.apex.temporal.config.TemporalConfigLoader}) and hand
 * the {@link io.apex.temporal.config.TemporalConfig} to the client factory or the worker runtime;
 * nothing here knows of Temporal workers.
 */
package io.apex.temporal.config;
