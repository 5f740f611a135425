/**
 * WaveSpeed's prediction API on loopback, a {@link io.github.pixverse4j.simulator.PollSimulator}
 * made from {@link io.github.pixverse4j.wavespeed.WaveSpeed#PROTOCOL}; needs pixverse4j-simulator.
 */
@NullMarked
package io.github.pixverse4j.wavespeed.simulator;

import org.jspecify.annotations.NullMarked;
