/**
 * The memory service's HTTP API: {@link io.apex.temporal.api.ApiServer} serves documents, search
 * and entities over the parts in {@link io.apex.temporal.api.MemoryService}, as the OpenAPI 3.1
 * document {@code openapi.json} (served at {@code /openapi.json}) describes, and the web console.
 */
package io.apex.temporal.api;
