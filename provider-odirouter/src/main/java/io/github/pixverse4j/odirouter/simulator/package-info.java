/**
 * OdiRouter's simulator for tests and demos: {@link io.github.pixverse4j.simulator.QueueSimulator}
 * configured with OdiRouter's paths, auth scheme and input checks, registered for {@code
 * ServiceLoader} as a {@code SimulatorFactory}. It needs {@code pixverse4j-simulator} on the class
 * path, an optional dependency of this module: add it (test scope) to use these classes. Apps that
 * only call OdiRouter never load this package.
 */
@NullMarked
package io.github.pixverse4j.odirouter.simulator;

import org.jspecify.annotations.NullMarked;
