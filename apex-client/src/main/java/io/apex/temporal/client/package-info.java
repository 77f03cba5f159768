/**
 * Public API: what another service needs to start our workflows and read their results, built from
 * the same settings as the worker: a connected workflow client that speaks what the worker speaks
 * (the strict input converter and the payload codec), that converter on its own, and the starter of
 * document ingestions.
 */
package io.apex.temporal.client;
