/** Public API: the greeting workflow and activity interfaces and their payload types. */
package io.apex.temporal.workflows.greeting;
