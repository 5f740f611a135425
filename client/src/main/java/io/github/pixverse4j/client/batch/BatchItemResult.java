package io.github.pixverse4j.client.batch;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How one item of a batch ended (or, in a dry run, what a run would do with it). Immutable. */
public final class BatchItemResult {
  /** How an item ended. */
  public enum Outcome {
    /**
     * The task succeeded and its video was saved ({@link #savedPath()}), or, without a target, the
     * task succeeded.
     */
    DELIVERED(true),
    /** The task failed or was cancelled at the provider, or the item failed after it was sent. */
    FAILED(false),
    /**
     * The submit may have reached the provider but its answer never arrived (now, or in an earlier
     * run killed while it was being sent): a job may exist and be billed. Never sent again: check
     * the provider's console, then dismiss it ({@code tasks --forget}) to let a later run send it.
     */
    OUTCOME_UNKNOWN(false),
    /** The item breaks the provider's limits or could not be read: nothing was sent. */
    INVALID(false),
    /** Not sent: its estimate would have taken the batch's committed total past the budget. */
    OVER_BUDGET(false),
    /** Not sent: a budget was set and the item has no cost estimate. */
    NO_ESTIMATE(false),
    /** Dry run: a run would submit it. */
    WOULD_SUBMIT(false),
    /** Dry run: an earlier run's task exists for it, which a run would follow and save. */
    WOULD_RESUME(false);

    private final boolean delivered;

    Outcome(boolean delivered) {
      this.delivered = delivered;
    }

    /** True only for {@link #DELIVERED}. */
    public boolean isDelivered() {
      return delivered;
    }
  }

  private final String id;
  private final Outcome outcome;
  private final @Nullable TaskHandle handle;
  private final @Nullable TaskStatus status;
  private final @Nullable Path savedPath;
  private final @Nullable Throwable error;
  private final List<String> problems;
  private final @Nullable BigDecimal estimateUsd;
  private final boolean fromEarlierRun;

  BatchItemResult(
      String id,
      Outcome outcome,
      @Nullable TaskHandle handle,
      @Nullable TaskStatus status,
      @Nullable Path savedPath,
      @Nullable Throwable error,
      List<String> problems,
      @Nullable BigDecimal estimateUsd,
      boolean fromEarlierRun) {
    this.id = id;
    this.outcome = outcome;
    this.handle = handle;
    this.status = status;
    this.savedPath = savedPath;
    this.error = error;
    this.problems = Collections.unmodifiableList(new ArrayList<String>(problems));
    this.estimateUsd = estimateUsd;
    this.fromEarlierRun = fromEarlierRun;
  }

  /** The item's id. */
  public String id() {
    return id;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The task, once the provider accepted the item's submit (in this run or an earlier one). */
  public Optional<TaskHandle> handle() {
    return Optional.ofNullable(handle);
  }

  /** The task's terminal status, when it reached one in this run. */
  public Optional<TaskStatus> status() {
    return Optional.ofNullable(status);
  }

  /** Where the video was saved. */
  public Optional<Path> savedPath() {
    return Optional.ofNullable(savedPath);
  }

  /** The error that ended the item, when one did. */
  public Optional<Throwable> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Every problem found, one sentence each: the validation problems of an {@link Outcome#INVALID}
   * item, the reason an item was not sent or failed.
   */
  public List<String> problems() {
    return problems;
  }

  /** The item's cost estimate in US dollars, when the runner has an estimator that gave one. */
  public Optional<BigDecimal> estimateUsd() {
    return Optional.ofNullable(estimateUsd);
  }

  /**
   * True when the result comes from an earlier run of the batch (the journal or an existing file),
   * so nothing was sent for it now.
   */
  public boolean fromEarlierRun() {
    return fromEarlierRun;
  }

  @Override
  public String toString() {
    return "BatchItemResult{"
        + id
        + ", "
        + outcome
        + (handle == null ? "" : ", " + handle.token())
        + (savedPath == null ? "" : ", " + savedPath)
        + (problems.isEmpty() ? "" : ", " + problems)
        + "}";
  }
}
