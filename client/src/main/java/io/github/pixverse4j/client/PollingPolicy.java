package io.github.pixverse4j.client;

import io.github.pixverse4j.client.internal.PollTuning;
import java.time.Duration;

/**
 * When to poll, how to retry, and when to give up. Build one with {@link #builder()} (or start from
 * {@link #defaults()}) and give it to a facade builder's {@code pollingPolicy(..)} or to {@link
 * ClientConfig.Builder#pollingPolicy}.
 *
 * <p>The next poll is planned from what the provider said last:
 *
 * <ul>
 *   <li>with an ETA (or progress from which one can be estimated), just after the expected end,
 *       from {@link #minInterval} up to 15 s;
 *   <li>while queued with a known position, 2 s per position ahead, from {@link #interval} up to 15
 *       s;
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
 * <p>Public are the settings users tune: the poll intervals ({@link Builder#initialDelay}, {@link
 * Builder#interval}, {@link Builder#maxInterval}, {@link Builder#minInterval}, or {@link
 * Builder#fixedInterval} for one fixed rate), the {@link Builder#deadline}, the retry backoff and
 * its caps ({@link Builder#retryDelay}, {@link Builder#maxRetryDelay}, {@link
 * Builder#maxRetryAfter}, {@link Builder#maxSubmitRetries}), the {@link Builder#jitter} and the
 * cancel options. The adaptive schedule's shape (the growth factor and its onset, the caps and
 * margin of hinted and queued waits, whether hints are used at all, the source of randomness) is
 * tuned by the benchmarks, not by users, and is not API: it may change in any release. Of those,
 * only "ignore the provider's hints" is a user's choice, and {@link Builder#fixedInterval} is its
 * supported form. The schedule itself is computed by the engine ({@code
 * client.internal.PollSchedule}), the same code for {@code VideoClient} and the Temporal workflow.
 */
public final class PollingPolicy {
  private static final Duration DEFAULT_WEBHOOK_SAFETY_NET = Duration.ofSeconds(60);
  private static final PollingPolicy DEFAULTS = builder().build();

  private final Duration initialDelay;
  private final Duration interval;
  private final Duration maxInterval;
  private final Duration minInterval;
  private final Duration retryDelay;
  private final Duration maxRetryDelay;
  private final Duration maxRetryAfter;
  private final int maxSubmitRetries;
  private final Duration deadline;
  private final double jitter;
  private final boolean cancelOnDispose;
  private final boolean cancelOnDeadline;
  private final Duration webhookSafetyNet;
  private final PollTuning tuning;

  private PollingPolicy(Builder b) {
    this.initialDelay = b.initialDelay;
    this.interval = b.interval;
    this.maxInterval = b.maxInterval;
    this.minInterval = b.minInterval;
    this.retryDelay = b.retryDelay;
    this.maxRetryDelay = b.maxRetryDelay;
    this.maxRetryAfter = b.maxRetryAfter;
    this.maxSubmitRetries = b.maxSubmitRetries;
    this.deadline = b.deadline;
    this.jitter = b.jitter;
    this.cancelOnDispose = b.cancelOnDispose;
    this.cancelOnDeadline = b.cancelOnDeadline;
    this.webhookSafetyNet = b.webhookSafetyNet;
    this.tuning = b.tuning;
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

  /** Shortest wait between two polls, hinted ones included; zero or more. */
  public Duration minInterval() {
    return minInterval;
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
   * How many times a submit that provably created no job (refused before sending, 429, 503) is sent
   * again. Reads of a task are not bounded by it: they retry until the {@link #deadline()}.
   */
  public int maxSubmitRetries() {
    return maxSubmitRetries;
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
   * The interval of the safety-net polls while a callback (webhook) is expected to report a task's
   * end: a lost callback delays the video by at most about this long. Positive; default 60 s.
   */
  public Duration webhookSafetyNet() {
    return webhookSafetyNet;
  }

  /**
   * Not API: the adaptive schedule's knobs, a type of the non-API package {@code client.internal},
   * for the engine and this project's own modules; may change in any release.
   */
  public PollTuning tuning() {
    return tuning;
  }

  @Override
  public String toString() {
    return "PollingPolicy{initialDelay="
        + initialDelay
        + ", interval="
        + interval
        + ".."
        + maxInterval
        + ", hints="
        + tuning.useProviderHints()
        + ", deadline="
        + deadline
        + ", retry="
        + retryDelay
        + ".."
        + maxRetryDelay
        + "}";
  }

  /**
   * Builds a {@link PollingPolicy}; every setting has a default. Setters validate at once; {@link
   * #build()} checks what relates two settings.
   */
  public static final class Builder {
    private Duration initialDelay = Duration.ofSeconds(5);
    private Duration interval = Duration.ofMillis(3900);
    private Duration maxInterval = Duration.ofMillis(3900);
    private Duration minInterval = Duration.ofMillis(500);
    private Duration retryDelay = Duration.ofSeconds(1);
    private Duration maxRetryDelay = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private int maxSubmitRetries = 5;
    private Duration deadline = Duration.ofMinutes(20);
    private double jitter = 0.03;
    private boolean cancelOnDispose;
    private boolean cancelOnDeadline;
    private Duration webhookSafetyNet = DEFAULT_WEBHOOK_SAFETY_NET;
    private PollTuning tuning = PollTuning.defaults();

    private Builder() {}

    private Builder(PollingPolicy p) {
      initialDelay = p.initialDelay;
      interval = p.interval;
      maxInterval = p.maxInterval;
      minInterval = p.minInterval;
      retryDelay = p.retryDelay;
      maxRetryDelay = p.maxRetryDelay;
      maxRetryAfter = p.maxRetryAfter;
      maxSubmitRetries = p.maxSubmitRetries;
      deadline = p.deadline;
      jitter = p.jitter;
      cancelOnDispose = p.cancelOnDispose;
      cancelOnDeadline = p.cancelOnDeadline;
      webhookSafetyNet = p.webhookSafetyNet;
      tuning = p.tuning;
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

    /**
     * Shortest wait between two polls, zero or more, also when the provider's ETA says the video is
     * due sooner: the floor of the request rate a watch can cause. At most {@link
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
      tuning = tuning.withoutAdaptation();
      jitter = 0;
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
    public Builder maxSubmitRetries(int n) {
      if (n < 0) throw new IllegalArgumentException("maxSubmitRetries must be >= 0, got " + n);
      maxSubmitRetries = n;
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
      if (d.isNegative() || d.isZero())
        throw new IllegalArgumentException("deadline must be positive, got " + d);
      deadline = d;
      return this;
    }

    /**
     * Random spread applied to every delay, as a fraction from 0 to 0.5 (0.03 = ±3 %), so that many
     * clients started together do not poll in step. A {@code Retry-After} is only ever lengthened
     * by it. Default 0.03.
     *
     * @throws IllegalArgumentException if {@code j} is outside 0..0.5
     */
    public Builder jitter(double j) {
      if (!(j >= 0 && j <= 0.5))
        throw new IllegalArgumentException("jitter must be 0..0.5, got " + j);
      jitter = j;
      return this;
    }

    /** Whether disposing a watch cancels the task at the provider (when it can). Default false. */
    public Builder cancelOnDispose(boolean cancel) {
      cancelOnDispose = cancel;
      return this;
    }

    /**
     * Whether reaching the deadline cancels the task at the provider (when it can). Default false.
     */
    public Builder cancelOnDeadline(boolean cancel) {
      cancelOnDeadline = cancel;
      return this;
    }

    /**
     * The interval of polls while a callback (webhook) is expected to report a task's end: then
     * polling is only a safety net, and a lost callback costs at most about this long (see {@code
     * docs/webhooks.md}). The deadline still applies. Default 60 s, chosen with the webhook
     * benchmark (fewer than 0.02 times the polls of a fixed 1 s poller on the polling benchmark's
     * jobs, see {@code benchmarks/results/notes.md}).
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is zero or negative
     */
    public Builder webhookSafetyNet(Duration d) {
      if (d == null) throw new NullPointerException("webhookSafetyNet == null");
      if (d.isNegative() || d.isZero())
        throw new IllegalArgumentException("webhookSafetyNet must be positive, got " + d);
      webhookSafetyNet = d;
      return this;
    }

    /**
     * Not API: replaces the adaptive schedule's knobs (a type of the non-API package {@code
     * client.internal}), for this project's testkit, benchmarks and tests; may change in any
     * release. Users who want no adaptation use {@link #fixedInterval(Duration)}.
     *
     * @throws NullPointerException if {@code tuning} is null
     */
    public Builder tuning(PollTuning tuning) {
      if (tuning == null) throw new NullPointerException("tuning == null");
      this.tuning = tuning;
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
        throw new IllegalStateException(
            "maxInterval " + maxInterval + " is below minInterval " + minInterval);
      }
      return new PollingPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      if (d == null) throw new NullPointerException(name + " == null");
      if (d.isNegative())
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      return d;
    }
  }
}
