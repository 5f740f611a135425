/**
 * Micrometer metrics of a {@code VideoClient}: register {@link VideoMetrics} as the client's event
 * listener factory. Meter names and tags: the module's README.
 */
@NullMarked
package io.github.pixverse4j.micrometer;

import org.jspecify.annotations.NullMarked;
