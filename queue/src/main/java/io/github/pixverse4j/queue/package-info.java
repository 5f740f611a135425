/**
 * The fal-style queue protocol family (submit, status, result, cancel) as a configuration: a
 * provider of this family is a {@link io.github.pixverse4j.queue.QueueProtocol} plus its facade,
 * factory and Dagger module. OdiRouter is one such configuration.
 */
@NullMarked
package io.github.pixverse4j.queue;

import org.jspecify.annotations.NullMarked;
