package io.github.pixverse4j.client.internal;

import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.PollingPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Not API: the one way this project's own modules (the engine here and in {@code client.http},
 * the Temporal workflow, the testkit, benchmarks and tests) reach what {@link PollingPolicy} keeps
 * package-private — the schedule it computes and the knobs of its adaptive schedule. Users tune a
 * policy with its public builder; these may change in any release.
 *
 * <p>{@code PollingPolicy} registers the implementation when its class initialises (the pattern
 * of OkHttp 3's {@code okhttp3.internal.Internal}), because Java has no "friend" access across
 * packages.
 */
public final class PollingInternals {
  private static volatile Hooks hooks;

  private PollingInternals() {}

  /**
   * How long to wait before the next status poll.
   *
   * @param last the latest status
   * @param unchangedPolls how many polls in a row (ending with {@code last}) showed nothing new, 0 or more
   * @param unchangedFor how long the status has shown nothing new
   * @param running how long the task has been seen running, when it has
   */
  public static Duration nextPollDelay(
      PollingPolicy policy, TaskStatus last, int unchangedPolls, Duration unchangedFor, Optional<Duration> running) {
    return hooks().nextPollDelay(policy, last, unchangedPolls, unchangedFor, running);
  }

  /**
   * How long to wait before retry number {@code attempt} (1 = the first retry) after a failed call:
   * the policy's {@code retryDelay} doubling per attempt up to {@code maxRetryDelay}, or the
   * provider's {@code retryAfter} when given, clamped between {@code retryDelay} and {@code
   * maxRetryAfter}; then jitter (which never shortens a {@code Retry-After}).
   *
   * @param attempt 1 or more
   * @param retryAfter the wait the provider asked for, if it did
   */
  public static Duration retryDelay(PollingPolicy policy, int attempt, Optional<Duration> retryAfter) {
    return hooks().retryDelay(policy, attempt, retryAfter);
  }

  /** The longest wait the policy plans from an ETA or progress hint. */
  public static Duration maxHintedInterval(PollingPolicy policy) {
    return hooks().maxHintedInterval(policy);
  }

  /**
   * The adaptive knobs of {@code builder}, set in place; {@link Tuning#builder()} returns to the
   * public setters.
   */
  public static Tuning tune(PollingPolicy.Builder builder) {
    if (builder == null) throw new NullPointerException("builder == null");
    return hooks().tune(builder);
  }

  /**
   * Called once, by {@link PollingPolicy}'s static initialiser.
   *
   * @throws IllegalStateException when called again
   */
  public static synchronized void register(Hooks implementation) {
    if (hooks != null) throw new IllegalStateException("PollingInternals already registered");
    hooks = implementation;
  }

  private static Hooks hooks() {
    Hooks h = hooks;
    if (h == null) {
      PollingPolicy.defaults(); // initialises PollingPolicy, which registers its hooks
      h = hooks;
    }
    return h;
  }

  /** What {@link PollingPolicy} implements for this class; see the methods of the same names. */
  public interface Hooks {
    Duration nextPollDelay(
        PollingPolicy policy, TaskStatus last, int unchangedPolls, Duration unchangedFor, Optional<Duration> running);

    Duration retryDelay(PollingPolicy policy, int attempt, Optional<Duration> retryAfter);

    Duration maxHintedInterval(PollingPolicy policy);

    Tuning tune(PollingPolicy.Builder builder);
  }

  /**
   * The adaptive schedule's knobs on a {@link PollingPolicy.Builder}. Each setter changes the
   * builder it came from and validates as the public setters do ({@code NullPointerException} for
   * null, {@code IllegalArgumentException} for a negative duration or a value out of range).
   */
  public interface Tuning {
    /** Growth of the interval per poll that showed nothing new, 1 (constant) to 10. Default 1.5. */
    Tuning backoffFactor(double factor);

    /**
     * After this long without any change, the interval grows in proportion to the time without
     * change (twice as long unchanged, twice the interval); zero turns it off. Default 135 s.
     */
    Tuning backoffAfter(Duration d);

    /** Longest interval reached by {@link #backoffAfter(Duration)}'s growth. Default 15 s. */
    Tuning maxBackoffInterval(Duration d);

    /** Longest wait planned from an ETA or progress hint. Default 15 s. */
    Tuning maxHintedInterval(Duration d);

    /** Added to the provider's ETA so the poll lands just after the expected end. Default 250 ms. */
    Tuning etaMargin(Duration d);

    /** Whether ETA, progress and queue position shape the schedule. Default true. */
    Tuning useProviderHints(boolean use);

    /** Extra wait per queue position ahead of the task. Default 2 s. */
    Tuning queuedIntervalPerPosition(Duration d);

    /** Longest wait while queued. Default 15 s. */
    Tuning maxQueuedInterval(Duration d);

    /**
     * Source of randomness for jitter, returning values in [0, 1): seeded in tests and benchmarks,
     * {@code Workflow.newRandom()} in a Temporal workflow. Default {@code ThreadLocalRandom}.
     */
    Tuning random(DoubleSupplier random);

    /** The builder these knobs were set on. */
    PollingPolicy.Builder builder();

    /** {@code builder().build()}. */
    PollingPolicy build();
  }
}
