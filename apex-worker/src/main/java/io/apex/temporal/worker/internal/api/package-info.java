/** The memory service's API as a part of the worker process. Internal: no compatibility promise. */
package io.apex.temporal.worker.internal.api;
