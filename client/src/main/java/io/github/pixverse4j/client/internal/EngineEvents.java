package io.github.pixverse4j.client.internal;

import io.github.pixverse4j.api.TaskStatus;
import java.time.Duration;

/**
 * What {@link TaskWatcher} tells the client's event listeners about one task: each status read and
 * each retry of a failed one. {@link #NONE} when no listener is registered, so a watcher without
 * listeners only makes calls that return at once.
 */
public interface EngineEvents {
  /** Hears nothing. */
  EngineEvents NONE = new EngineEvents() {};

  /** Whether anyone listens: when false, callers skip measuring. */
  default boolean enabled() {
    return false;
  }

  /** A status read answered {@code status} after {@code tookNanos}. */
  default void statusRead(TaskStatus status, long tookNanos) {}

  /** A status read failed after {@code tookNanos}. */
  default void statusReadFailed(Throwable error, long tookNanos) {}

  /**
   * The failed read will be made again after {@code delay}.
   *
   * @param attempt the number of the read to come: 2 after the first failure
   */
  default void statusRetry(int attempt, Duration delay, Throwable failure) {}
}
