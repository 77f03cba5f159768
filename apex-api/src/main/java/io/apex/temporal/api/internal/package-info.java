/**
 * The API's routes, access rules, problem responses and metrics. Internal: no compatibility is
 * promised; use {@link io.apex.temporal.api.ApiServer}.
 */
package io.apex.temporal.api.internal;
