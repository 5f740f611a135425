package io.github.pixverse4j.client.batch;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where a batch stands: a snapshot, immutable. */
public final class BatchProgress {
  private final long read;
  private final @Nullable Long total;
  private final long delivered;
  private final long failed;
  private final int running;
  private final int submitting;
  private final int waiting;
  private final int concurrencyTarget;
  private final BigDecimal committedUsd;
  private final Duration elapsed;
  private final @Nullable Duration estimatedTimeLeft;

  BatchProgress(
      long read,
      @Nullable Long total,
      long delivered,
      long failed,
      int running,
      int submitting,
      int waiting,
      int concurrencyTarget,
      BigDecimal committedUsd,
      Duration elapsed,
      @Nullable Duration estimatedTimeLeft) {
    this.read = read;
    this.total = total;
    this.delivered = delivered;
    this.failed = failed;
    this.running = running;
    this.submitting = submitting;
    this.waiting = waiting;
    this.concurrencyTarget = concurrencyTarget;
    this.committedUsd = committedUsd;
    this.elapsed = elapsed;
    this.estimatedTimeLeft = estimatedTimeLeft;
  }

  /** Items taken from the input so far. */
  public long read() {
    return read;
  }

  /**
   * How many items the batch has: known once the input ended, or from {@link
   * BatchRunner.Builder#expectedItems}.
   */
  public Optional<Long> total() {
    return Optional.ofNullable(total);
  }

  /** Items delivered (including those an earlier run delivered). */
  public long delivered() {
    return delivered;
  }

  /** Items that ended without a delivery, whatever the reason (see each item's result). */
  public long failed() {
    return failed;
  }

  /** Items that have ended: {@link #delivered()} plus {@link #failed()}. */
  public long ended() {
    return delivered + failed;
  }

  /**
   * Tasks accepted by the provider that have not ended there: what counts against its concurrency
   * limit (a video being saved no longer does).
   */
  public int running() {
    return running;
  }

  /** Submits sent and not answered yet. */
  public int submitting() {
    return submitting;
  }

  /** Items the provider refused for its limit, waiting to be sent again. */
  public int waiting() {
    return waiting;
  }

  /** How many tasks the runner lets be in flight now (see {@code docs/batch.md} for the rule). */
  public int concurrencyTarget() {
    return concurrencyTarget;
  }

  /**
   * The sum of the estimates of the items sent, accepted or delivered (in this run or an earlier
   * one), in US dollars; zero without an estimator.
   */
  public BigDecimal committedUsd() {
    return committedUsd;
  }

  /** Time since this run started, on the runner's scheduler. */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * The time left at the rate items ended so far in this run; empty until an item ended in this
   * run, and while the {@linkplain #total() total} is unknown.
   */
  public Optional<Duration> estimatedTimeLeft() {
    return Optional.ofNullable(estimatedTimeLeft);
  }

  @Override
  public String toString() {
    return "BatchProgress{delivered="
        + delivered
        + ", failed="
        + failed
        + ", running="
        + running
        + ", submitting="
        + submitting
        + ", waiting="
        + waiting
        + ", read="
        + read
        + (total == null ? "" : "/" + total)
        + ", target="
        + concurrencyTarget
        + "}";
  }
}
