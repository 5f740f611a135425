package io.github.pixverse4j.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One observation of a task. The videos are present exactly when the state is {@link
 * TaskState#SUCCEEDED}; the failure exactly when it is {@link TaskState#FAILED}.
 */
@Value.Immutable
public abstract class TaskStatus {
  TaskStatus() {}

  public static Builder builder() {
    return new Builder();
  }

  public abstract TaskHandle handle();

  public abstract TaskState state();

  /** Place in the provider's queue (0 = next), while queued and when the provider says. */
  public abstract Optional<Integer> queuePosition();

  /** 0 to 100, when the provider reports progress. */
  public abstract Optional<Integer> progressPercent();

  /** The provider's estimate of the time left, when it gives one. */
  public abstract Optional<Duration> estimatedTimeRemaining();

  /** The generated videos; non-empty exactly when {@link #state()} is SUCCEEDED. */
  public abstract List<Video> videos();

  /** Why the task failed; present exactly when {@link #state()} is FAILED. */
  public abstract Optional<TaskFailure> failure();

  /** The provider's own status value, such as {@code "IN_QUEUE"} or {@code "5"}. */
  public abstract Optional<String> rawStatus();

  /** When this status was observed. */
  public abstract Instant observedAt();

  /**
   * Present while the provider is not answering reads of this task and the client is retrying them;
   * empty when all is well. While reads fail, the client re-emits the last status it saw (same
   * state, progress and {@link #observedAt()}) with this field set, and the first good read emits a
   * status with it empty again.
   */
  public abstract Optional<RetryState> retry();

  /** Whether the task has ended. */
  public final boolean isTerminal() {
    return state().isTerminal();
  }

  /**
   * Whether {@code other} tells a watcher nothing new: same state, queue position, progress,
   * videos, failure and {@link #retry()} state. The time of observation and the time estimate are
   * ignored.
   */
  public final boolean sameProgressAs(TaskStatus other) {
    return other != null
        && state() == other.state()
        && queuePosition().equals(other.queuePosition())
        && progressPercent().equals(other.progressPercent())
        && videos().equals(other.videos())
        && failure().equals(other.failure())
        && retry().equals(other.retry())
        && Objects.equals(handle(), other.handle());
  }

  @Value.Check
  void check() {
    if (state() == TaskState.SUCCEEDED && videos().isEmpty()) {
      throw new IllegalStateException("a SUCCEEDED status needs at least one video");
    }
    if (state() != TaskState.SUCCEEDED && !videos().isEmpty()) {
      throw new IllegalStateException(
          "only a SUCCEEDED status carries videos, state is " + state());
    }
    if (state() == TaskState.FAILED && !failure().isPresent()) {
      throw new IllegalStateException("a FAILED status needs a failure");
    }
    if (state() != TaskState.FAILED && failure().isPresent()) {
      throw new IllegalStateException(
          "only a FAILED status carries a failure, state is " + state());
    }
    if (progressPercent().isPresent()) {
      int p = progressPercent().get();
      if (p < 0 || p > 100)
        throw new IllegalStateException("progressPercent must be 0..100, got " + p);
    }
    if (queuePosition().isPresent() && queuePosition().get() < 0) {
      throw new IllegalStateException("queuePosition must be >= 0, got " + queuePosition().get());
    }
  }

  /**
   * Builds a {@link TaskStatus}; {@code handle}, {@code state} and {@code observedAt} are required.
   */
  public static final class Builder extends ImmutableTaskStatus.Builder {
    Builder() {}
  }
}
