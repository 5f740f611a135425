/**
 * PixVerse platform's simulator for tests and demos: an in-process server of the protocol this
 * module speaks, built on the {@code pixverse4j-simulator} kit and registered for {@code
 * ServiceLoader} as a {@code SimulatorFactory}. It needs {@code pixverse4j-simulator} on the class
 * path, an optional dependency of this module: add it (test scope) to use these classes. Apps that
 * only call PixVerse platform never load this package.
 */
@NullMarked
package io.github.pixverse4j.pixverse.simulator;

import org.jspecify.annotations.NullMarked;
