/**
 * fal.ai's queue on loopback, a {@link io.github.pixverse4j.simulator.QueueSimulator}
 * configuration; needs pixverse4j-simulator.
 */
@NullMarked
package io.github.pixverse4j.fal.simulator;

import org.jspecify.annotations.NullMarked;
