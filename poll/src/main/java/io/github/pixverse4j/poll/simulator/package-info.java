/**
 * A {@link io.github.pixverse4j.simulator.PollSimulator}'s settings from a {@link
 * io.github.pixverse4j.poll.PollProtocol}, so that a provider and its simulator share one
 * description. Needs the simulator kit, an optional dependency.
 */
@NullMarked
package io.github.pixverse4j.poll.simulator;

import org.jspecify.annotations.NullMarked;
