package io.github.pixverse4j.fake;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.TaskFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The scripted course of one fake task, in time on the fake's {@code Scheduler}: phases that last a
 * while, then a terminal state that every later status read shows.
 *
 * <pre>{@code
 * FakeLifecycle.builder()
 *     .queued(Duration.ofSeconds(20), 3)   // QUEUED, position 3 falling to 0 over 20 s
 *     .running(Duration.ofSeconds(60))     // RUNNING, progress 0 -> 99 % with an ETA
 *     .succeeded();                        // SUCCEEDED with FakeVideo.sample()
 * }</pre>
 *
 * <p>Time counts from the moment the fake accepted the submit. Immutable and reusable.
 */
public final class FakeLifecycle {
  /**
   * The longest a lifecycle may last, phases added up: 366 days. A longer one would overflow the
   * nanosecond arithmetic of the scheduler and the client's polling; a task that must outlast any
   * deadline needs no more than this.
   */
  public static final Duration MAX_TOTAL_DURATION = Duration.ofDays(366);

  enum Kind {
    QUEUED,
    RUNNING
  }

  static final class Phase {
    final Kind kind;
    final Duration length;
    final int fromPosition; // -1: no queue position
    final boolean hints; // progress and ETA while running

    Phase(Kind kind, Duration length, int fromPosition, boolean hints) {
      this.kind = kind;
      this.length = length;
      this.fromPosition = fromPosition;
      this.hints = hints;
    }

    @Override
    public String toString() {
      return kind
          + "("
          + length
          + (fromPosition >= 0 ? ", from position " + fromPosition : "")
          + (kind == Kind.RUNNING && !hints ? ", no progress" : "")
          + ")";
    }
  }

  private final List<Phase> phases;
  private final List<FakeVideo> videos; // non-empty for SUCCEEDED
  private final TaskFailure failure; // non-null for FAILED
  private final boolean cancelled;

  private FakeLifecycle(
      List<Phase> phases, List<FakeVideo> videos, TaskFailure failure, boolean cancelled) {
    this.phases = Collections.unmodifiableList(new ArrayList<>(phases));
    this.videos = Collections.unmodifiableList(new ArrayList<>(videos));
    this.failure = failure;
    this.cancelled = cancelled;
  }

  /** Starts a lifecycle. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every status read shows SUCCEEDED with {@link FakeVideo#sample()}. */
  public static FakeLifecycle immediateSuccess() {
    return builder().succeeded();
  }

  /**
   * What a task follows when nothing was {@linkplain FakeProvider#enqueue enqueued}: queued for 10
   * s (position 2 falling to 0), running for 30 s with progress and ETA, then succeeded with {@link
   * FakeVideo#sample()}; 40 s in all.
   */
  public static FakeLifecycle typical() {
    return builder().queued(Duration.ofSeconds(10), 2).running(Duration.ofSeconds(30)).succeeded();
  }

  List<Phase> phases() {
    return phases;
  }

  List<FakeVideo> videos() {
    return videos;
  }

  TaskFailure failure() {
    return failure;
  }

  boolean endsCancelled() {
    return cancelled;
  }

  /** How long the task takes from submit to its terminal state. */
  public Duration totalDuration() {
    Duration total = Duration.ZERO;
    for (Phase p : phases) total = total.plus(p.length);
    return total;
  }

  @Override
  public String toString() {
    String end =
        cancelled
            ? "CANCELLED"
            : failure != null
                ? "FAILED(" + failure.category() + ")"
                : "SUCCEEDED(" + videos.size() + " video" + (videos.size() == 1 ? "" : "s") + ")";
    return "FakeLifecycle" + phases + " then " + end;
  }

  /**
   * Builds a {@link FakeLifecycle}: any number of phases, then exactly one terminal method. Every
   * phase length must be positive, and all of them together at most {@link #MAX_TOTAL_DURATION};
   * the phase methods throw {@link IllegalArgumentException} otherwise.
   */
  public static final class Builder {
    private final List<Phase> phases = new ArrayList<>();

    private Builder() {}

    /** Queued for {@code length}, without a queue position. */
    public Builder queued(Duration length) {
      phases.add(new Phase(Kind.QUEUED, checkLength(length, phases), -1, false));
      return this;
    }

    /**
     * Queued for {@code length}; the queue position starts at {@code fromPosition} and falls evenly
     * to 0 (0 = next).
     */
    public Builder queued(Duration length, int fromPosition) {
      if (fromPosition < 0)
        throw new IllegalArgumentException("fromPosition must be >= 0, got " + fromPosition);
      phases.add(new Phase(Kind.QUEUED, checkLength(length, phases), fromPosition, false));
      return this;
    }

    /**
     * Running for {@code length}, reporting progress (rising evenly from 0 to 99 %) and the time
     * left until the terminal state as the ETA.
     */
    public Builder running(Duration length) {
      phases.add(new Phase(Kind.RUNNING, checkLength(length, phases), -1, true));
      return this;
    }

    /** Running for {@code length} without progress or ETA, as some providers report it. */
    public Builder runningWithoutProgress(Duration length) {
      phases.add(new Phase(Kind.RUNNING, checkLength(length, phases), -1, false));
      return this;
    }

    /** Ends SUCCEEDED with one {@link FakeVideo#sample()}. */
    public FakeLifecycle succeeded() {
      return succeeded(FakeVideo.sample());
    }

    /** Ends SUCCEEDED with these videos, in this order; the fake downloader serves their bytes. */
    public FakeLifecycle succeeded(FakeVideo... videos) {
      if (videos == null) throw new NullPointerException("videos == null");
      if (videos.length == 0)
        throw new IllegalArgumentException("a SUCCEEDED task needs at least one video");
      for (FakeVideo v : videos) {
        if (v == null) throw new NullPointerException("videos contains null");
      }
      return new FakeLifecycle(phases, Arrays.asList(videos), null, false);
    }

    /** Ends FAILED with this category and message, such as {@code MODERATION}. */
    public FakeLifecycle failed(FailureCategory category, String message) {
      if (category == null) throw new NullPointerException("category == null");
      if (message == null) throw new NullPointerException("message == null");
      return failed(TaskFailure.of(category, message));
    }

    /** Ends FAILED with {@code failure}. */
    public FakeLifecycle failed(TaskFailure failure) {
      if (failure == null) throw new NullPointerException("failure == null");
      return new FakeLifecycle(phases, Collections.<FakeVideo>emptyList(), failure, false);
    }

    /**
     * Ends CANCELLED, as when someone cancelled the task elsewhere (a dashboard, another client).
     */
    public FakeLifecycle cancelled() {
      return new FakeLifecycle(phases, Collections.<FakeVideo>emptyList(), null, true);
    }

    private static Duration checkLength(Duration length, List<Phase> before) {
      if (length == null) throw new NullPointerException("length == null");
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("length must be positive, got " + length);
      }
      if (length.compareTo(MAX_TOTAL_DURATION) > 0) {
        throw new IllegalArgumentException(
            "length must be at most "
                + MAX_TOTAL_DURATION
                + " (FakeLifecycle.MAX_TOTAL_DURATION, longer overflows the nanosecond clock), got "
                + length);
      }
      Duration total = length;
      for (Phase p : before) total = total.plus(p.length);
      if (total.compareTo(MAX_TOTAL_DURATION) > 0) {
        throw new IllegalArgumentException(
            "a lifecycle must last at most "
                + MAX_TOTAL_DURATION
                + " in all (FakeLifecycle.MAX_TOTAL_DURATION, longer overflows the nanosecond"
                + " clock), got "
                + total
                + " with this phase of "
                + length);
      }
      return length;
    }
  }
}
