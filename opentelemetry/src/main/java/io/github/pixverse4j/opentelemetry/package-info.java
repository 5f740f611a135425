/**
 * OpenTelemetry traces of a {@code VideoClient}: register {@link VideoTracing} as the client's
 * event listener factory. Span names and attributes: the module's README.
 */
@NullMarked
package io.github.pixverse4j.opentelemetry;

import org.jspecify.annotations.NullMarked;
