package io.github.pixverse4j.client.internal;

import io.github.pixverse4j.api.RetryState;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.PollingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Not API: the poll schedule of one task, the one place that decides when to read a task's status
 * next and when to try again after a failed read. {@link TaskWatcher} (on an RxJava scheduler) and
 * the Temporal workflow (on workflow timers) each keep one per task and feed it what happened; the
 * static {@link #retryDelay(PollingPolicy, DoubleSupplier, int, Optional)} is the backoff of every
 * other retried call (submits, cancels, downloads).
 *
 * <p>Time is whatever clock the caller passes, in nanoseconds: the scheduler's in the client,
 * {@code Workflow.currentTimeMillis()} in a workflow. Randomness comes from the policy's tuning
 * unless the caller gives its own (a workflow's {@code Workflow.newRandom()}), so a schedule is
 * deterministic for a given clock and random source. Not thread-safe: one step at a time.
 *
 * <p>Read failures are retried for as long as the caller's deadline allows, however many in a row:
 * the policy's {@code maxSubmitRetries} bounds submit resends only.
 */
public final class PollSchedule {
  private final PollingPolicy policy;
  private final DoubleSupplier random;

  private TaskStatus last;
  private int unchangedPolls;
  private long lastChangeNanos;
  private long runningSinceNanos = -1;
  private int consecutiveFailures;
  private long failingSinceNanos = -1;
  private boolean callbacks;

  /**
   * A schedule with the policy's source of randomness.
   *
   * @param initial the status already known (the QUEUED after a submit), or {@code null}
   * @param nowNanos the current time of the caller's clock
   */
  public PollSchedule(PollingPolicy policy, TaskStatus initial, long nowNanos) {
    this(policy, policy.tuning().random(), initial, nowNanos);
  }

  /** A schedule whose jitter comes from {@code random} (values in [0, 1)). */
  public PollSchedule(
      PollingPolicy policy, DoubleSupplier random, TaskStatus initial, long nowNanos) {
    if (policy == null) throw new NullPointerException("policy == null");
    if (random == null) throw new NullPointerException("random == null");
    this.policy = policy;
    this.random = random;
    this.last = initial;
    this.lastChangeNanos = nowNanos;
  }

  /**
   * Records a status the provider answered at {@code nowNanos}; ends a run of failed reads.
   *
   * @return whether it shows something new: progress, or a recovery after failed reads (the last
   *     status then carried a retry state)
   */
  public boolean answered(TaskStatus s, long nowNanos) {
    if (s == null) throw new NullPointerException("s == null");
    consecutiveFailures = 0;
    failingSinceNanos = -1;
    if (s.state() == TaskState.RUNNING && runningSinceNanos < 0) runningSinceNanos = nowNanos;
    boolean changed = last == null || !s.sameProgressAs(last);
    unchangedPolls = changed ? 0 : unchangedPolls + 1;
    if (changed) lastChangeNanos = nowNanos;
    last = s;
    return changed;
  }

  /**
   * Notes that a callback (webhook) is expected to report the task's end: from now on polls are
   * only a safety net against a lost callback, spaced by the policy's {@link
   * PollingPolicy#webhookSafetyNet()} (with jitter) instead of the adaptive schedule; failed reads
   * are retried as before, and the caller's deadline still ends the watch.
   */
  public void expectCallbacks() {
    callbacks = true;
  }

  /** Whether {@link #expectCallbacks()} was called. */
  public boolean callbacksExpected() {
    return callbacks;
  }

  /**
   * The wait before the first poll: {@code requested}, or, when callbacks are expected and {@code
   * requested} is not zero (a watch of a task from elsewhere reads at once), at least the
   * safety-net interval.
   */
  public Duration firstPollDelay(Duration requested) {
    if (!callbacks || requested.isZero()) return requested;
    Duration net = jittered(policy, random, policy.webhookSafetyNet());
    return net.compareTo(requested) > 0 ? net : requested;
  }

  /** The wait before the next poll, planned from the last answered status (not null). */
  public Duration nextPollDelay(long nowNanos) {
    if (last == null) throw new IllegalStateException("no status answered yet");
    if (callbacks) return jittered(policy, random, policy.webhookSafetyNet());
    Optional<Duration> running =
        runningSinceNanos < 0
            ? Optional.empty()
            : Optional.of(Duration.ofNanos(nowNanos - runningSinceNanos));
    return nextPollDelay(
        policy,
        random,
        last,
        unchangedPolls,
        Duration.ofNanos(nowNanos - lastChangeNanos),
        running);
  }

  /**
   * Records a read that failed transiently at {@code nowNanos}; the last status (when there is one)
   * now carries the retry state, for the caller to show.
   *
   * @param failure one line saying what failed
   * @param retryAfter the wait the provider asked for, if it did
   * @return the wait before the next attempt
   */
  public Duration failed(String failure, Optional<Duration> retryAfter, long nowNanos) {
    if (failingSinceNanos < 0) failingSinceNanos = nowNanos;
    consecutiveFailures++;
    Duration delay = retryDelay(policy, random, consecutiveFailures, retryAfter);
    if (last != null) {
      last =
          TaskStatus.builder()
              .from(last)
              .retry(
                  RetryState.builder()
                      .failingSince(instant(failingSinceNanos))
                      .failedAttempts(consecutiveFailures)
                      .lastFailure(failure)
                      .nextAttemptAt(instant(nowNanos + delay.toNanos()))
                      .build())
              .build();
    }
    return delay;
  }

  /** The last status answered, with the retry state of failed reads since; null before any. */
  public TaskStatus last() {
    return last;
  }

  /** Failed reads since the last answer. */
  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** When the current run of failed reads began, on the caller's clock; -1 when none. */
  public long failingSinceNanos() {
    return failingSinceNanos;
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }

  /**
   * How long to wait before the next status poll.
   *
   * @param last the latest status
   * @param unchangedPolls how many polls in a row (ending with {@code last}) showed nothing new
   * @param unchangedFor how long the status has shown nothing new
   * @param running how long the task has been seen running, when it has
   */
  static Duration nextPollDelay(
      PollingPolicy policy,
      DoubleSupplier random,
      TaskStatus last,
      int unchangedPolls,
      Duration unchangedFor,
      Optional<Duration> running) {
    if (unchangedFor == null) throw new NullPointerException("unchangedFor == null");
    if (last == null) throw new NullPointerException("last == null");
    PollTuning t = policy.tuning();
    if (t.useProviderHints()) {
      Optional<Duration> remaining = estimateRemaining(last, running);
      if (remaining.isPresent()) {
        Duration d = remaining.get().plus(t.etaMargin());
        return jittered(policy, random, clamp(d, policy.minInterval(), t.maxHintedInterval()));
      }
      if (last.state() == TaskState.QUEUED && last.queuePosition().isPresent()) {
        int pos = last.queuePosition().get();
        Duration d = t.queuedIntervalPerPosition().multipliedBy(pos);
        return jittered(policy, random, clamp(d, policy.interval(), t.maxQueuedInterval()));
      }
    }
    double factor = Math.pow(t.intervalGrowth(), Math.max(0, Math.min(unchangedPolls, 30)));
    Duration d =
        clamp(scale(policy.interval(), factor), policy.minInterval(), policy.maxInterval());
    Duration staleAfter = t.staleAfter();
    if (unchangedFor.compareTo(staleAfter) > 0 && !staleAfter.isZero()) {
      Duration longWait =
          scale(policy.maxInterval(), unchangedFor.toNanos() / (double) staleAfter.toNanos());
      if (longWait.compareTo(t.maxStaleInterval()) > 0) longWait = t.maxStaleInterval();
      if (longWait.compareTo(d) > 0) d = longWait;
    }
    return jittered(policy, random, d);
  }

  /** The time left as the provider states it, or as its progress implies. */
  static Optional<Duration> estimateRemaining(TaskStatus last, Optional<Duration> running) {
    if (last.state() != TaskState.RUNNING && last.state() != TaskState.QUEUED)
      return Optional.empty();
    if (last.estimatedTimeRemaining().isPresent()) {
      Duration eta = last.estimatedTimeRemaining().get();
      return Optional.of(eta.isNegative() ? Duration.ZERO : eta);
    }
    if (last.state() == TaskState.RUNNING
        && last.progressPercent().isPresent()
        && running.isPresent()) {
      int p = last.progressPercent().get();
      Duration elapsed = running.get();
      if (p > 0 && p < 100 && !elapsed.isZero()) {
        return Optional.of(scale(elapsed, (100.0 - p) / p));
      }
    }
    return Optional.empty();
  }

  /**
   * {@link #retryDelay(PollingPolicy, DoubleSupplier, int, Optional)} with the policy's randomness.
   */
  public static Duration retryDelay(
      PollingPolicy policy, int attempt, Optional<Duration> retryAfter) {
    return retryDelay(policy, policy.tuning().random(), attempt, retryAfter);
  }

  /**
   * How long to wait before retry number {@code attempt} (1 = the first retry) after a failed call:
   * the policy's {@code retryDelay} doubling per attempt up to its {@code maxRetryDelay}, or the
   * provider's {@code retryAfter} when given, clamped between {@code retryDelay} and {@code
   * maxRetryAfter}; then jitter, which never shortens a {@code Retry-After}.
   *
   * @param attempt 1 or more
   * @param retryAfter the wait the provider asked for, if it did
   */
  public static Duration retryDelay(
      PollingPolicy policy, DoubleSupplier random, int attempt, Optional<Duration> retryAfter) {
    Duration retryDelay = policy.retryDelay();
    Duration maxRetryAfter = policy.maxRetryAfter();
    if (retryAfter.isPresent()) {
      // A server-given wait is clamped to [retryDelay, maxRetryAfter]: "0" must not make a
      // busy loop, and a wait of hours must not stall the watch.
      Duration capped = clamp(retryAfter.get(), min(retryDelay, maxRetryAfter), maxRetryAfter);
      // Never earlier than asked: jitter only adds.
      return capped.plus(scale(capped, policy.jitter() * random.getAsDouble()));
    }
    double factor = Math.pow(2, Math.max(0, Math.min(attempt - 1, 30)));
    return jittered(
        policy, random, clamp(scale(retryDelay, factor), Duration.ZERO, policy.maxRetryDelay()));
  }

  private static Duration jittered(PollingPolicy policy, DoubleSupplier random, Duration d) {
    double jitter = policy.jitter();
    if (jitter == 0) return d;
    double spread = (random.getAsDouble() * 2 - 1) * jitter;
    return scale(d, 1 + spread);
  }

  private static Duration scale(Duration d, double factor) {
    double nanos = d.toNanos() * factor;
    if (nanos >= Long.MAX_VALUE) return Duration.ofNanos(Long.MAX_VALUE);
    return Duration.ofNanos(Math.max(0, (long) nanos));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    if (d.compareTo(min) < 0) return min;
    if (d.compareTo(max) > 0) return max;
    return d;
  }
}
