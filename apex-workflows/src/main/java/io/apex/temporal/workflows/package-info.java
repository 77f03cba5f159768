/**
 * Public API of apex-workflows, the artifact other services put on their classpath to start
 * workflows with typed stubs: the catalog a worker registers. The workflow and activity interfaces
 * and their payload types are in {@code .greeting} and {@code .ingestion}; their implementations
 * are under {@code io.apex.temporal.workflows.internal}, with no compatibility promise.
 */
package io.apex.temporal.workflows;
