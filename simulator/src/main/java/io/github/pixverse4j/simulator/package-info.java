/**
 * In-process fake provider servers for tests and demos: {@link
 * io.github.pixverse4j.simulator.ProviderSimulator} runs a JDK HTTP server on loopback, records
 * every request, drives scripted job {@link io.github.pixverse4j.simulator.Lifecycle lifecycles}
 * and injects {@link io.github.pixverse4j.simulator.Fault faults}. Start with the module README.
 */
@NullMarked
package io.github.pixverse4j.simulator;

import org.jspecify.annotations.NullMarked;
