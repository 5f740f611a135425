package io.github.pixverse4j.client;

import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to poll, how to retry, and when to give up.
 *
 * <p>The next poll is planned from what the provider said last:
 *
 * <ul>
 *   <li>with an ETA (or progress from which one can be estimated), just after the expected end,
 *       within [{@link #minInterval}, {@link #maxHintedInterval}];
 *   <li>while queued with a known position, longer the deeper the task is queued, up to {@link
 *       Builder#maxQueuedInterval};
 *   <li>otherwise {@link #interval}, growing by {@link Builder#backoffFactor} on each poll that showed
 *       nothing new, up to {@link #maxInterval}.
 * </ul>
 *
 * <p>Reads of a task (status, result, cancel) that fail transiently are retried after {@link
 * #retryDelay} doubling up to {@link #maxRetryDelay}, or after the provider's {@code Retry-After}
 * (capped by {@link #maxRetryAfter}), for as long as the {@link #deadline} allows: with the
 * defaults a ten-minute outage costs about 25 status calls, and the first read after the provider
 * recovers comes at most {@link #maxRetryDelay} later. All delays get ±{@link #jitter} random
 * spread. The defaults suit jobs of ten seconds to ten minutes; {@code benchmarks/} measures them
 * against fixed-interval pollers.
 */
public final class PollingPolicy {
  private static final PollingPolicy DEFAULTS = builder().build();

  private final Duration initialDelay;
  private final Duration interval;
  private final Duration maxInterval;
  private final double backoffFactor;
  private final Duration backoffAfter;
  private final Duration maxBackoffInterval;
  private final Duration minInterval;
  private final Duration maxHintedInterval;
  private final Duration etaMargin;
  private final boolean useProviderHints;
  private final Duration queuedIntervalPerPosition;
  private final Duration maxQueuedInterval;
  private final Duration retryDelay;
  private final Duration maxRetryDelay;
  private final Duration maxRetryAfter;
  private final int maxConsecutiveFailures;
  private final Duration deadline;
  private final double jitter;
  private final boolean cancelOnDispose;
  private final boolean cancelOnDeadline;
  private final DoubleSupplier random;

  private PollingPolicy(Builder b) {
    this.initialDelay = b.initialDelay;
    this.interval = b.interval;
    this.maxInterval = b.maxInterval;
    this.backoffFactor = b.backoffFactor;
    this.backoffAfter = b.backoffAfter;
    this.maxBackoffInterval = b.maxBackoffInterval;
    this.minInterval = b.minInterval;
    this.maxHintedInterval = b.maxHintedInterval;
    this.etaMargin = b.etaMargin;
    this.useProviderHints = b.useProviderHints;
    this.queuedIntervalPerPosition = b.queuedIntervalPerPosition;
    this.maxQueuedInterval = b.maxQueuedInterval;
    this.retryDelay = b.retryDelay;
    this.maxRetryDelay = b.maxRetryDelay;
    this.maxRetryAfter = b.maxRetryAfter;
    this.maxConsecutiveFailures = b.maxConsecutiveFailures;
    this.deadline = b.deadline;
    this.jitter = b.jitter;
    this.cancelOnDispose = b.cancelOnDispose;
    this.cancelOnDeadline = b.cancelOnDeadline;
    this.random = b.random;
  }

  /** The defaults described on each builder method. */
  public static PollingPolicy defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  // Getters of the adaptive schedule's internals (growth, hint margins, queue spacing) are
  // package-private: users set them on the Builder; only the engine reads them.

  public Duration initialDelay() {
    return initialDelay;
  }

  public Duration interval() {
    return interval;
  }

  public Duration maxInterval() {
    return maxInterval;
  }

  double backoffFactor() {
    return backoffFactor;
  }

  Duration backoffAfter() {
    return backoffAfter;
  }

  Duration maxBackoffInterval() {
    return maxBackoffInterval;
  }

  public Duration minInterval() {
    return minInterval;
  }

  public Duration maxHintedInterval() {
    return maxHintedInterval;
  }

  Duration etaMargin() {
    return etaMargin;
  }

  boolean useProviderHints() {
    return useProviderHints;
  }

  Duration queuedIntervalPerPosition() {
    return queuedIntervalPerPosition;
  }

  Duration maxQueuedInterval() {
    return maxQueuedInterval;
  }

  public Duration retryDelay() {
    return retryDelay;
  }

  public Duration maxRetryDelay() {
    return maxRetryDelay;
  }

  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * How many times a submit that provably created no job (refused before sending, 429, 503) is
   * sent again. Reads of a task are not bounded by it: they retry until the {@link #deadline()}.
   */
  public int maxConsecutiveFailures() {
    return maxConsecutiveFailures;
  }

  public Duration deadline() {
    return deadline;
  }

  public double jitter() {
    return jitter;
  }

  public boolean cancelOnDispose() {
    return cancelOnDispose;
  }

  public boolean cancelOnDeadline() {
    return cancelOnDeadline;
  }

  /**
   * How long to wait before the next status poll.
   *
   * @param last the latest status
   * @param unchangedPolls how many polls in a row (ending with {@code last}) showed nothing new
   * @param unchangedFor how long the status has shown nothing new
   * @param running how long the task has been seen running, when it has
   */
  public Duration nextPollDelay(
      TaskStatus last, int unchangedPolls, Duration unchangedFor, Optional<Duration> running) {
    if (unchangedFor == null) throw new NullPointerException("unchangedFor == null");
    if (last == null) throw new NullPointerException("last == null");
    if (useProviderHints) {
      Optional<Duration> remaining = estimateRemaining(last, running);
      if (remaining.isPresent()) {
        Duration d = remaining.get().plus(etaMargin);
        return jittered(clamp(d, minInterval, maxHintedInterval));
      }
      if (last.state() == TaskState.QUEUED && last.queuePosition().isPresent()) {
        int pos = last.queuePosition().get();
        Duration d = queuedIntervalPerPosition.multipliedBy(pos);
        return jittered(clamp(d, interval, maxQueuedInterval));
      }
    }
    double factor = Math.pow(backoffFactor, Math.max(0, Math.min(unchangedPolls, 30)));
    Duration d = clamp(scale(interval, factor), minInterval, maxInterval);
    if (unchangedFor.compareTo(backoffAfter) > 0 && !backoffAfter.isZero()) {
      Duration longWait = scale(maxInterval, unchangedFor.toNanos() / (double) backoffAfter.toNanos());
      if (longWait.compareTo(maxBackoffInterval) > 0) longWait = maxBackoffInterval;
      if (longWait.compareTo(d) > 0) d = longWait;
    }
    return jittered(d);
  }

  /** The time left as the provider states it, or as its progress implies. */
  static Optional<Duration> estimateRemaining(TaskStatus last, Optional<Duration> running) {
    if (last.state() != TaskState.RUNNING && last.state() != TaskState.QUEUED) return Optional.empty();
    if (last.estimatedTimeRemaining().isPresent()) {
      Duration eta = last.estimatedTimeRemaining().get();
      return Optional.of(eta.isNegative() ? Duration.ZERO : eta);
    }
    if (last.state() == TaskState.RUNNING && last.progressPercent().isPresent() && running.isPresent()) {
      int p = last.progressPercent().get();
      Duration elapsed = running.get();
      if (p > 0 && p < 100 && !elapsed.isZero()) {
        return Optional.of(scale(elapsed, (100.0 - p) / p));
      }
    }
    return Optional.empty();
  }

  /**
   * How long to wait before retry number {@code attempt} (1 = the first retry) after a failed call:
   * {@link #retryDelay()} doubling per attempt up to {@link #maxRetryDelay()}, or the provider's
   * {@code retryAfter} when given, clamped between {@link #retryDelay()} and {@link
   * #maxRetryAfter()}; then jitter.
   *
   * @param attempt 1 or more
   * @param retryAfter the wait the provider asked for, if it did
   */
  public Duration retryDelay(int attempt, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      // A server-given wait is clamped to [retryDelay, maxRetryAfter]: "0" must not make a
      // busy loop, and a wait of hours must not stall the watch.
      Duration capped = clamp(retryAfter.get(), min(retryDelay, maxRetryAfter), maxRetryAfter);
      // Never earlier than asked: jitter only adds.
      return capped.plus(scale(capped, jitter * random.getAsDouble()));
    }
    double factor = Math.pow(2, Math.max(0, Math.min(attempt - 1, 30)));
    return jittered(clamp(scale(retryDelay, factor), Duration.ZERO, maxRetryDelay));
  }

  private Duration jittered(Duration d) {
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

  @Override
  public String toString() {
    return "PollingPolicy{initialDelay=" + initialDelay + ", interval=" + interval + ".." + maxInterval
        + ", hints=" + useProviderHints + ", deadline=" + deadline
        + ", retry=" + retryDelay + ".." + maxRetryDelay + "}";
  }

  /** Builds a {@link PollingPolicy}; every setting has a default. */
  public static final class Builder {
    private Duration initialDelay = Duration.ofSeconds(5);
    private Duration interval = Duration.ofMillis(3900);
    private Duration maxInterval = Duration.ofMillis(3900);
    private double backoffFactor = 1.5;
    private Duration backoffAfter = Duration.ofSeconds(135);
    private Duration maxBackoffInterval = Duration.ofSeconds(15);
    private Duration minInterval = Duration.ofMillis(500);
    private Duration maxHintedInterval = Duration.ofSeconds(15);
    private Duration etaMargin = Duration.ofMillis(250);
    private boolean useProviderHints = true;
    private Duration queuedIntervalPerPosition = Duration.ofSeconds(2);
    private Duration maxQueuedInterval = Duration.ofSeconds(15);
    private Duration retryDelay = Duration.ofSeconds(1);
    private Duration maxRetryDelay = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private int maxConsecutiveFailures = 5;
    private Duration deadline = Duration.ofMinutes(20);
    private double jitter = 0.03;
    private boolean cancelOnDispose;
    private boolean cancelOnDeadline;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    private Builder(PollingPolicy p) {
      initialDelay = p.initialDelay;
      interval = p.interval;
      maxInterval = p.maxInterval;
      backoffFactor = p.backoffFactor;
      backoffAfter = p.backoffAfter;
      maxBackoffInterval = p.maxBackoffInterval;
      minInterval = p.minInterval;
      maxHintedInterval = p.maxHintedInterval;
      etaMargin = p.etaMargin;
      useProviderHints = p.useProviderHints;
      queuedIntervalPerPosition = p.queuedIntervalPerPosition;
      maxQueuedInterval = p.maxQueuedInterval;
      retryDelay = p.retryDelay;
      maxRetryDelay = p.maxRetryDelay;
      maxRetryAfter = p.maxRetryAfter;
      maxConsecutiveFailures = p.maxConsecutiveFailures;
      deadline = p.deadline;
      jitter = p.jitter;
      cancelOnDispose = p.cancelOnDispose;
      cancelOnDeadline = p.cancelOnDeadline;
      random = p.random;
    }

    /** Wait before the first poll after a submit. Default 5 s (no video is ready sooner). */
    public Builder initialDelay(Duration d) {
      initialDelay = nonNegative(d, "initialDelay");
      return this;
    }

    /** Poll interval when the provider gives no hint. Default 3.9 s. */
    public Builder interval(Duration d) {
      interval = nonNegative(d, "interval");
      return this;
    }

    /** Longest interval without hints before {@link #backoffAfter(Duration)} applies. Default 3.9 s. */
    public Builder maxInterval(Duration d) {
      maxInterval = nonNegative(d, "maxInterval");
      return this;
    }

    /** Growth of the interval per poll that showed nothing new (1 = constant). Default 1.5. */
    public Builder backoffFactor(double f) {
      if (!(f >= 1 && f <= 10)) throw new IllegalArgumentException("backoffFactor must be 1..10, got " + f);
      backoffFactor = f;
      return this;
    }

    /**
     * After this long without any change, the interval grows in proportion to the time without
     * change (twice as long unchanged, twice the interval). Default 135 s.
     */
    public Builder backoffAfter(Duration d) {
      backoffAfter = nonNegative(d, "backoffAfter");
      return this;
    }

    /** Longest interval reached by {@link #backoffAfter(Duration)}'s growth. Default 15 s. */
    public Builder maxBackoffInterval(Duration d) {
      maxBackoffInterval = nonNegative(d, "maxBackoffInterval");
      return this;
    }

    /** Shortest interval between polls. Default 500 ms. */
    public Builder minInterval(Duration d) {
      minInterval = nonNegative(d, "minInterval");
      return this;
    }

    /** Longest wait planned from an ETA or progress hint. Default 15 s. */
    public Builder maxHintedInterval(Duration d) {
      maxHintedInterval = nonNegative(d, "maxHintedInterval");
      return this;
    }

    /** Added to the provider's ETA so the poll lands just after the expected end. Default 250 ms. */
    public Builder etaMargin(Duration d) {
      etaMargin = nonNegative(d, "etaMargin");
      return this;
    }

    /**
     * Polls every {@code every}, first poll included, whatever the provider hints and however long
     * nothing changes: no hints, no back-off, no jitter. Retry settings are left as they are.
     */
    public Builder fixedInterval(Duration every) {
      nonNegative(every, "every");
      initialDelay = every;
      interval = every;
      maxInterval = every;
      minInterval = every;
      backoffFactor = 1;
      backoffAfter = Duration.ZERO;
      useProviderHints = false;
      jitter = 0;
      return this;
    }

    /** Whether ETA, progress and queue position shape the schedule. Default true. */
    public Builder useProviderHints(boolean use) {
      useProviderHints = use;
      return this;
    }

    /** Extra wait per queue position ahead of the task. Default 2 s. */
    public Builder queuedIntervalPerPosition(Duration d) {
      queuedIntervalPerPosition = nonNegative(d, "queuedIntervalPerPosition");
      return this;
    }

    /** Longest wait while queued. Default 15 s. */
    public Builder maxQueuedInterval(Duration d) {
      maxQueuedInterval = nonNegative(d, "maxQueuedInterval");
      return this;
    }

    /**
     * First retry delay after a failed call; doubles per retry. Also the shortest wait a provider's
     * {@code Retry-After} can ask for. Default 1 s.
     */
    public Builder retryDelay(Duration d) {
      retryDelay = nonNegative(d, "retryDelay");
      return this;
    }

    /** Longest retry delay. Default 30 s. */
    public Builder maxRetryDelay(Duration d) {
      maxRetryDelay = nonNegative(d, "maxRetryDelay");
      return this;
    }

    /** Cap on a provider's {@code Retry-After}. Default 60 s. */
    public Builder maxRetryAfter(Duration d) {
      maxRetryAfter = nonNegative(d, "maxRetryAfter");
      return this;
    }

    /**
     * How many times a submit that provably created no job (refused before sending, 429, 503) is
     * sent again (0 = never). Default 5. Reads of a task (status, result, cancel) are not bounded
     * by it: they retry until the {@link #deadline(Duration)}, with {@link
     * #maxRetryDelay(Duration)} bounding the calls spent.
     */
    public Builder maxConsecutiveFailures(int n) {
      if (n < 0) throw new IllegalArgumentException("maxConsecutiveFailures must be >= 0, got " + n);
      maxConsecutiveFailures = n;
      return this;
    }

    /** How long to watch a task before {@code TaskTimeoutException}. Default 20 min. */
    public Builder deadline(Duration d) {
      if (d == null) throw new NullPointerException("deadline == null");
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("deadline must be positive, got " + d);
      deadline = d;
      return this;
    }

    /** Random spread applied to delays, 0 to 0.5 (0.03 = ±3 %). Default 0.03. */
    public Builder jitter(double j) {
      if (!(j >= 0 && j <= 0.5)) throw new IllegalArgumentException("jitter must be 0..0.5, got " + j);
      jitter = j;
      return this;
    }

    /** Source of randomness for jitter, returning values in [0, 1). For reproducible tests. */
    public Builder random(DoubleSupplier random) {
      if (random == null) throw new NullPointerException("random == null");
      this.random = random;
      return this;
    }

    /** Whether disposing a watch cancels the task at the provider (when it can). Default false. */
    public Builder cancelOnDispose(boolean cancel) {
      cancelOnDispose = cancel;
      return this;
    }

    /** Whether reaching the deadline cancels the task at the provider (when it can). Default false. */
    public Builder cancelOnDeadline(boolean cancel) {
      cancelOnDeadline = cancel;
      return this;
    }

    public PollingPolicy build() {
      if (maxInterval.compareTo(minInterval) < 0) {
        throw new IllegalStateException("maxInterval " + maxInterval + " is below minInterval " + minInterval);
      }
      return new PollingPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      if (d == null) throw new NullPointerException(name + " == null");
      if (d.isNegative()) throw new IllegalArgumentException(name + " must not be negative, got " + d);
      return d;
    }
  }
}
