package io.github.pixverse4j.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Not API: the adaptive schedule's knobs, which a {@code PollingPolicy} holds beside the settings
 * users tune. The benchmarks tune these, not users; they may change in any release. The project's
 * own modules (the testkit's {@code FastPolling}, benchmarks, the reliability suite, tests) set
 * them with {@code PollingPolicy.Builder.tuning(..)}; {@link PollSchedule} reads them.
 *
 * <p>Immutable. Each setter of the {@link Builder} validates at once: {@code NullPointerException}
 * for null, {@code IllegalArgumentException} for a negative duration or a value out of range.
 */
public final class PollTuning {
  private static final PollTuning DEFAULTS = builder().build();

  private final double intervalGrowth;
  private final Duration staleAfter;
  private final Duration maxStaleInterval;
  private final Duration maxHintedInterval;
  private final Duration etaMargin;
  private final boolean useProviderHints;
  private final Duration queuedIntervalPerPosition;
  private final Duration maxQueuedInterval;
  private final DoubleSupplier random;

  private PollTuning(Builder b) {
    this.intervalGrowth = b.intervalGrowth;
    this.staleAfter = b.staleAfter;
    this.maxStaleInterval = b.maxStaleInterval;
    this.maxHintedInterval = b.maxHintedInterval;
    this.etaMargin = b.etaMargin;
    this.useProviderHints = b.useProviderHints;
    this.queuedIntervalPerPosition = b.queuedIntervalPerPosition;
    this.maxQueuedInterval = b.maxQueuedInterval;
    this.random = b.random;
  }

  /** The defaults described on each builder method. */
  public static PollTuning defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** These knobs with the schedule's adaptation off: no growth, no stale growth, no hints. */
  public PollTuning withoutAdaptation() {
    return toBuilder().intervalGrowth(1).staleAfter(Duration.ZERO).useProviderHints(false).build();
  }

  /** See {@link Builder#intervalGrowth}. */
  public double intervalGrowth() {
    return intervalGrowth;
  }

  /** See {@link Builder#staleAfter}. */
  public Duration staleAfter() {
    return staleAfter;
  }

  /** See {@link Builder#maxStaleInterval}. */
  public Duration maxStaleInterval() {
    return maxStaleInterval;
  }

  /** See {@link Builder#maxHintedInterval}. */
  public Duration maxHintedInterval() {
    return maxHintedInterval;
  }

  /** See {@link Builder#etaMargin}. */
  public Duration etaMargin() {
    return etaMargin;
  }

  /** See {@link Builder#useProviderHints}. */
  public boolean useProviderHints() {
    return useProviderHints;
  }

  /** See {@link Builder#queuedIntervalPerPosition}. */
  public Duration queuedIntervalPerPosition() {
    return queuedIntervalPerPosition;
  }

  /** See {@link Builder#maxQueuedInterval}. */
  public Duration maxQueuedInterval() {
    return maxQueuedInterval;
  }

  /** See {@link Builder#random}. */
  public DoubleSupplier random() {
    return random;
  }

  @Override
  public String toString() {
    return "PollTuning{growth="
        + intervalGrowth
        + ", staleAfter="
        + staleAfter
        + ".."
        + maxStaleInterval
        + ", hints="
        + useProviderHints
        + ", maxHinted="
        + maxHintedInterval
        + ", etaMargin="
        + etaMargin
        + ", queued="
        + queuedIntervalPerPosition
        + ".."
        + maxQueuedInterval
        + "}";
  }

  /** Builds a {@link PollTuning}; every knob has a default. */
  public static final class Builder {
    private double intervalGrowth = 1.5;
    private Duration staleAfter = Duration.ofSeconds(135);
    private Duration maxStaleInterval = Duration.ofSeconds(15);
    private Duration maxHintedInterval = Duration.ofSeconds(15);
    private Duration etaMargin = Duration.ofMillis(250);
    private boolean useProviderHints = true;
    private Duration queuedIntervalPerPosition = Duration.ofSeconds(2);
    private Duration maxQueuedInterval = Duration.ofSeconds(15);
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    private Builder(PollTuning t) {
      intervalGrowth = t.intervalGrowth;
      staleAfter = t.staleAfter;
      maxStaleInterval = t.maxStaleInterval;
      maxHintedInterval = t.maxHintedInterval;
      etaMargin = t.etaMargin;
      useProviderHints = t.useProviderHints;
      queuedIntervalPerPosition = t.queuedIntervalPerPosition;
      maxQueuedInterval = t.maxQueuedInterval;
      random = t.random;
    }

    /**
     * Growth of the poll interval per poll that showed nothing new, 1 (constant) to 10, up to the
     * policy's {@code maxInterval}. Default 1.5. (Was {@code backoffFactor}: "backoff" is the retry
     * of failed calls, this is the spacing of successful polls.)
     */
    public Builder intervalGrowth(double factor) {
      if (!(factor >= 1 && factor <= 10)) {
        throw new IllegalArgumentException("intervalGrowth must be 1..10, got " + factor);
      }
      intervalGrowth = factor;
      return this;
    }

    /**
     * After this long without any change the status counts as stale, and the interval grows in
     * proportion to the time without change (twice as long unchanged, twice the policy's {@code
     * maxInterval}) up to {@link #maxStaleInterval}; zero turns it off. Default 135 s. (Was {@code
     * backoffAfter}.)
     */
    public Builder staleAfter(Duration d) {
      staleAfter = nonNegative(d, "staleAfter");
      return this;
    }

    /**
     * Longest interval reached by {@link #staleAfter}'s growth. Default 15 s. (Was {@code
     * maxBackoffInterval}.)
     */
    public Builder maxStaleInterval(Duration d) {
      maxStaleInterval = nonNegative(d, "maxStaleInterval");
      return this;
    }

    /** Longest wait planned from an ETA or progress hint. Default 15 s. */
    public Builder maxHintedInterval(Duration d) {
      maxHintedInterval = nonNegative(d, "maxHintedInterval");
      return this;
    }

    /**
     * Added to the provider's ETA so the poll lands just after the expected end. Default 250 ms.
     */
    public Builder etaMargin(Duration d) {
      etaMargin = nonNegative(d, "etaMargin");
      return this;
    }

    /** Whether ETA, progress and queue position shape the schedule. Default true. */
    public Builder useProviderHints(boolean use) {
      useProviderHints = use;
      return this;
    }

    /**
     * Wait per queue position ahead of the task, from the policy's {@code interval} up to {@link
     * #maxQueuedInterval}. Default 2 s.
     */
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
     * Source of randomness for jitter, returning values in [0, 1): seeded in tests and benchmarks.
     * Default {@code ThreadLocalRandom}. (A Temporal workflow passes {@code Workflow.newRandom()}
     * to its {@link PollSchedule} instead.)
     */
    public Builder random(DoubleSupplier random) {
      if (random == null) throw new NullPointerException("random == null");
      this.random = random;
      return this;
    }

    public PollTuning build() {
      return new PollTuning(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      if (d == null) throw new NullPointerException(name + " == null");
      if (d.isNegative())
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      return d;
    }
  }
}
