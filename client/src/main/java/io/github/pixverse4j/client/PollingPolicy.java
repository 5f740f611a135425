package io.github.pixverse4j.client;

import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.internal.PollingInternals;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to poll, how to retry, and when to give up. Build one with {@link #builder()} (or start
 * from {@link #defaults()}) and give it to a facade builder's {@code pollingPolicy(..)} or to
 * {@link ClientConfig.Builder#pollingPolicy}.
 *
 * <p>The next poll is planned from what the provider said last:
 *
 * <ul>
 *   <li>with an ETA (or progress from which one can be estimated), just after the expected end,
 *       from {@link #minInterval} up to 15 s;
 *   <li>while queued with a known position, 2 s per position ahead, from {@link #interval} up to
 *       15 s;
 *   <li>otherwise {@link #interval}, growing by 1.5 on each poll that showed nothing new, up to
 *       {@link #maxInterval}; once nothing has changed for 135 s, in proportion to the time
 *       unchanged, up to 15 s.
 * </ul>
 *
 * <p>Reads of a task (status, result, cancel) that fail transiently are retried after {@link
 * #retryDelay} doubling up to {@link #maxRetryDelay}, or after the provider's {@code Retry-After}
 * (capped by {@link #maxRetryAfter}), for as long as the {@link #deadline} allows: with the
 * defaults a ten-minute outage costs about 25 status calls, and the first read after the provider
 * recovers comes at most {@link #maxRetryDelay} later. All delays get ±{@link #jitter} random
 * spread. The defaults suit jobs of ten seconds to ten minutes; {@code benchmarks/} measures them
 * against fixed-interval pollers.
 *
 * <p>Public are the settings users tune: the poll intervals ({@link Builder#initialDelay},
 * {@link Builder#interval}, {@link Builder#maxInterval}, {@link Builder#minInterval}, or {@link
 * Builder#fixedInterval} for one fixed rate), the {@link Builder#deadline}, the retry backoff and
 * its caps ({@link Builder#retryDelay}, {@link Builder#maxRetryDelay}, {@link
 * Builder#maxRetryAfter}, {@link Builder#maxConsecutiveFailures}), the {@link Builder#jitter} and
 * the cancel options. The adaptive schedule's shape (the growth factor and its onset, the caps
 * and margin of hinted and queued waits, whether hints are used at all, the source of randomness)
 * is tuned by the benchmarks, not by users, and is not API: it may change in any release. Of
 * those, only "ignore the provider's hints" is a user's choice, and {@link Builder#fixedInterval}
 * is its supported form.
 */
public final class PollingPolicy {
  private static final PollingPolicy DEFAULTS = builder().build();

  static {
    PollingInternals.register(new Internals());
  }

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

  // The adaptive schedule's knobs (growth, hint caps and margin, queue spacing, randomness) are
  // package-private on the policy and its Builder: only the engine reads them, and the project's
  // own modules reach them through client.internal.PollingInternals.

  /** Wait before the first poll after a submit; zero or more. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** Poll interval when the provider gives no hint; zero or more. */
  public Duration interval() {
    return interval;
  }

  /** Longest interval reached by growth per unchanged poll; at least {@link #minInterval()}. */
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

  /** Shortest wait between two polls, hinted ones included; zero or more. */
  public Duration minInterval() {
    return minInterval;
  }

  Duration maxHintedInterval() {
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

  /** First retry delay after a failed call, doubling per retry; zero or more. */
  public Duration retryDelay() {
    return retryDelay;
  }

  /** Longest retry delay of the doubling; zero or more. */
  public Duration maxRetryDelay() {
    return maxRetryDelay;
  }

  /** Cap on a provider's {@code Retry-After}; zero or more. */
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

  /** How long a task is watched before {@code TaskTimeoutException}; positive. */
  public Duration deadline() {
    return deadline;
  }

  /** Random spread of every delay as a fraction, 0 to 0.5 (0.03 = ±3 %). */
  public double jitter() {
    return jitter;
  }

  /** Whether disposing a watch cancels the task at the provider (when it can). */
  public boolean cancelOnDispose() {
    return cancelOnDispose;
  }

  /** Whether reaching the deadline cancels the task at the provider (when it can). */
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
  Duration nextPollDelay(
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
  Duration retryDelay(int attempt, Optional<Duration> retryAfter) {
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

  /** The package-private schedule and knobs, for {@link PollingInternals}. */
  private static final class Internals implements PollingInternals.Hooks {
    @Override
    public Duration nextPollDelay(
        PollingPolicy policy, TaskStatus last, int unchangedPolls, Duration unchangedFor, Optional<Duration> running) {
      return policy.nextPollDelay(last, unchangedPolls, unchangedFor, running);
    }

    @Override
    public Duration retryDelay(PollingPolicy policy, int attempt, Optional<Duration> retryAfter) {
      return policy.retryDelay(attempt, retryAfter);
    }

    @Override
    public Duration maxHintedInterval(PollingPolicy policy) {
      return policy.maxHintedInterval();
    }

    @Override
    public PollingInternals.Tuning tune(Builder builder) {
      return new Tuning(builder);
    }
  }

  private static final class Tuning implements PollingInternals.Tuning {
    private final Builder b;

    Tuning(Builder b) {
      this.b = b;
    }

    @Override
    public Tuning backoffFactor(double factor) {
      b.backoffFactor(factor);
      return this;
    }

    @Override
    public Tuning backoffAfter(Duration d) {
      b.backoffAfter(d);
      return this;
    }

    @Override
    public Tuning maxBackoffInterval(Duration d) {
      b.maxBackoffInterval(d);
      return this;
    }

    @Override
    public Tuning maxHintedInterval(Duration d) {
      b.maxHintedInterval(d);
      return this;
    }

    @Override
    public Tuning etaMargin(Duration d) {
      b.etaMargin(d);
      return this;
    }

    @Override
    public Tuning useProviderHints(boolean use) {
      b.useProviderHints(use);
      return this;
    }

    @Override
    public Tuning queuedIntervalPerPosition(Duration d) {
      b.queuedIntervalPerPosition(d);
      return this;
    }

    @Override
    public Tuning maxQueuedInterval(Duration d) {
      b.maxQueuedInterval(d);
      return this;
    }

    @Override
    public Tuning random(DoubleSupplier random) {
      b.random(random);
      return this;
    }

    @Override
    public Builder builder() {
      return b;
    }

    @Override
    public PollingPolicy build() {
      return b.build();
    }
  }

  /**
   * Builds a {@link PollingPolicy}; every setting has a default. Setters validate at once; {@link
   * #build()} checks what relates two settings.
   */
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

    /**
     * Wait before the first poll after a submit, zero or more. Default 5 s (no video is ready
     * sooner).
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public Builder initialDelay(Duration d) {
      initialDelay = nonNegative(d, "initialDelay");
      return this;
    }

    /**
     * Poll interval when the provider gives no hint, zero or more; polls are never closer than
     * {@link #minInterval(Duration)} nor, before the long-unchanged growth, further apart than
     * {@link #maxInterval(Duration)}, so raise that too when raising this. Default 3.9 s.
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public Builder interval(Duration d) {
      interval = nonNegative(d, "interval");
      return this;
    }

    /**
     * Longest interval without hints while the status keeps changing now and then (the interval
     * grows by 1.5 per poll that showed nothing new, up to this); at least {@link
     * #minInterval(Duration)}, checked by {@link #build()}. Once nothing has changed for 135 s the
     * interval grows past it in proportion to the time unchanged, up to 15 s. Default 3.9 s.
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public Builder maxInterval(Duration d) {
      maxInterval = nonNegative(d, "maxInterval");
      return this;
    }

    /** Growth of the interval per poll that showed nothing new (1 = constant). Default 1.5. */
    Builder backoffFactor(double f) {
      if (!(f >= 1 && f <= 10)) throw new IllegalArgumentException("backoffFactor must be 1..10, got " + f);
      backoffFactor = f;
      return this;
    }

    /**
     * After this long without any change, the interval grows in proportion to the time without
     * change (twice as long unchanged, twice the interval). Default 135 s.
     */
    Builder backoffAfter(Duration d) {
      backoffAfter = nonNegative(d, "backoffAfter");
      return this;
    }

    /** Longest interval reached by {@link #backoffAfter(Duration)}'s growth. Default 15 s. */
    Builder maxBackoffInterval(Duration d) {
      maxBackoffInterval = nonNegative(d, "maxBackoffInterval");
      return this;
    }

    /**
     * Shortest wait between two polls, zero or more, also when the provider's ETA says the video
     * is due sooner: the floor of the request rate a watch can cause. At most {@link
     * #maxInterval(Duration)}, checked by {@link #build()}, so lower it too when lowering that
     * below 500 ms. Default 500 ms.
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public Builder minInterval(Duration d) {
      minInterval = nonNegative(d, "minInterval");
      return this;
    }

    /** Longest wait planned from an ETA or progress hint. Default 15 s. */
    Builder maxHintedInterval(Duration d) {
      maxHintedInterval = nonNegative(d, "maxHintedInterval");
      return this;
    }

    /** Added to the provider's ETA so the poll lands just after the expected end. Default 250 ms. */
    Builder etaMargin(Duration d) {
      etaMargin = nonNegative(d, "etaMargin");
      return this;
    }

    /**
     * Polls every {@code every} (zero or more), first poll included, whatever the provider hints
     * and however long nothing changes: no hints, no back-off, no jitter. Sets {@link
     * #initialDelay}, {@link #interval}, {@link #maxInterval}, {@link #minInterval} and {@link
     * #jitter}; retry settings are left as they are. The supported way to ignore the provider's
     * ETA, progress and queue position.
     *
     * @throws NullPointerException if {@code every} is null
     * @throws IllegalArgumentException if {@code every} is negative
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
    Builder useProviderHints(boolean use) {
      useProviderHints = use;
      return this;
    }

    /** Extra wait per queue position ahead of the task. Default 2 s. */
    Builder queuedIntervalPerPosition(Duration d) {
      queuedIntervalPerPosition = nonNegative(d, "queuedIntervalPerPosition");
      return this;
    }

    /** Longest wait while queued. Default 15 s. */
    Builder maxQueuedInterval(Duration d) {
      maxQueuedInterval = nonNegative(d, "maxQueuedInterval");
      return this;
    }

    /**
     * First retry delay after a failed call, zero or more; doubles per retry up to {@link
     * #maxRetryDelay(Duration)}. Also the shortest wait a provider's {@code Retry-After} can ask
     * for (unless {@link #maxRetryAfter(Duration)} is shorter). Default 1 s.
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public Builder retryDelay(Duration d) {
      retryDelay = nonNegative(d, "retryDelay");
      return this;
    }

    /**
     * Longest retry delay of the doubling, zero or more: the most a read waits once the provider
     * recovers, and what bounds the calls spent on an outage. Default 30 s.
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public Builder maxRetryDelay(Duration d) {
      maxRetryDelay = nonNegative(d, "maxRetryDelay");
      return this;
    }

    /**
     * Cap on a provider's {@code Retry-After}, zero or more: a longer wait is shortened to this.
     * Default 60 s.
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public Builder maxRetryAfter(Duration d) {
      maxRetryAfter = nonNegative(d, "maxRetryAfter");
      return this;
    }

    /**
     * How many times a submit that provably created no job (refused before sending, 429, 503) is
     * sent again (0 = never). Default 5. Reads of a task (status, result, cancel) are not bounded
     * by it: they retry until the {@link #deadline(Duration)}, with {@link
     * #maxRetryDelay(Duration)} bounding the calls spent.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Builder maxConsecutiveFailures(int n) {
      if (n < 0) throw new IllegalArgumentException("maxConsecutiveFailures must be >= 0, got " + n);
      maxConsecutiveFailures = n;
      return this;
    }

    /**
     * How long to watch a task before {@code TaskTimeoutException}, positive; counted from the
     * start of the watch. Default 20 min.
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is zero or negative
     */
    public Builder deadline(Duration d) {
      if (d == null) throw new NullPointerException("deadline == null");
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("deadline must be positive, got " + d);
      deadline = d;
      return this;
    }

    /**
     * Random spread applied to every delay, as a fraction from 0 to 0.5 (0.03 = ±3 %), so that
     * many clients started together do not poll in step. A {@code Retry-After} is only ever
     * lengthened by it. Default 0.03.
     *
     * @throws IllegalArgumentException if {@code j} is outside 0..0.5
     */
    public Builder jitter(double j) {
      if (!(j >= 0 && j <= 0.5)) throw new IllegalArgumentException("jitter must be 0..0.5, got " + j);
      jitter = j;
      return this;
    }

    /** Source of randomness for jitter, returning values in [0, 1). For reproducible tests. */
    Builder random(DoubleSupplier random) {
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

    /**
     * The policy.
     *
     * @throws IllegalStateException if {@link #maxInterval(Duration)} is below {@link
     *     #minInterval(Duration)}
     */
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
