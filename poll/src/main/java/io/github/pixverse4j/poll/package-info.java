/**
 * The submit-then-poll-by-id protocol family: one {@link io.github.pixverse4j.poll.PollProtocol}
 * per provider (paths, auth, submit body, state table, where the answer keeps each value).
 */
@NullMarked
package io.github.pixverse4j.poll;

import org.jspecify.annotations.NullMarked;
