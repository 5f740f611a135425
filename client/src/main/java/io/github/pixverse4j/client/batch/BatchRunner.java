package io.github.pixverse4j.client.batch;

import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs many items through one {@link VideoClient}: at most {@link Builder#maxConcurrency N} tasks
 * in flight at the provider, fewer while the provider refuses submits for its concurrency or rate
 * limit, within an optional budget, and resumable from the client's task journal.
 *
 * <pre>{@code
 * BatchRunner runner =
 *     BatchRunner.builder(client.withJournal(journal), "spring-campaign")
 *         .maxConcurrency(8)
 *         .outputDirectory(Paths.get("videos"))
 *         .budgetUsd(new BigDecimal("25.00"), item -> estimate(item))
 *         .build();
 * runner.run(items).blockingSubscribe(e -> e.item().ifPresent(System.out::println));
 * }</pre>
 *
 * <p>The items are read lazily, with backpressure: the runner asks for the next item only when it
 * has room to send it, so memory is bounded by the number in flight, not by the input. Each item
 * goes through the client's public pipeline ({@link VideoClient#generate(
 * io.github.pixverse4j.api.ImageToVideoRequest, java.util.Map,
 * io.github.pixverse4j.client.SubmitListener) generate} or {@code extend}, then {@link
 * VideoClient#download(io.github.pixverse4j.api.TaskStatus, Path) download}), so validation, the
 * no-duplicate submit rule, polling and the journal are the client's. What the runner adds:
 *
 * <ul>
 *   <li><b>The concurrency rule.</b> A submit the provider refuses for its limit (every provider
 *       maps such an answer to {@code RateLimitedException}: PixVerse's ErrCode 500044, HTTP 429,
 *       the v3 async hosts' {@code RATE_LIMIT_EXCEEDED}) provably created no job. The runner gives
 *       that submit up at once (the journal records it as not accepted), lowers its in-flight
 *       target, and sends the same item again first, once the provider's {@code Retry-After} (at
 *       most the client's {@code PollingPolicy.maxRetryAfter()}) has passed (without one: {@link
 *       #FIRST_LIMIT_WAIT}, doubling for each refusal of the item up to {@link #MAX_LIMIT_WAIT}) or
 *       one of the batch's tasks has ended, whichever comes first: an ended task is a free slot,
 *       which is what the wait stands for. Accepted submits raise the target again; the exact rule
 *       is in {@code docs/batch.md}. An item refused {@link #MAX_REFUSALS_PER_ITEM} times fails
 *       with the last refusal.
 *   <li><b>The budget.</b> With {@link Builder#budgetUsd}, an item is sent only when its estimate
 *       keeps the committed total (the estimates of every item sent, accepted or delivered, in this
 *       run or an earlier one) within the budget; otherwise it ends {@link
 *       BatchItemResult.Outcome#OVER_BUDGET}. An item the estimator gives no estimate for ends
 *       {@link BatchItemResult.Outcome#NO_ESTIMATE}: under a budget, an unknown price is refused
 *       rather than guessed. A submit that created no job gives its estimate back.
 *   <li><b>Crash safety.</b> With a journal on the client, every submit is recorded with the labels
 *       {@link #LABEL_BATCH} (the batch id) and {@link #LABEL_ITEM} (the item id), plus {@link
 *       JournalEntry#LABEL_TARGET}. A run of the same batch id reads the journal once at the start
 *       and, per item: an item whose target file exists, or whose journal entry says it was saved,
 *       is delivered (nothing sent); an accepted task is followed and saved (never submitted
 *       again); a submit whose outcome is unknown (its answer lost, or the process killed while it
 *       was being sent) ends {@link BatchItemResult.Outcome#OUTCOME_UNKNOWN} and is never sent
 *       again; a task that failed ends {@link BatchItemResult.Outcome#FAILED} again (give the item
 *       a new id to try it once more); only an item with no submit, or only refused ones, is sent.
 *   <li><b>Fatal errors.</b> An {@code AuthenticationException} or {@code
 *       InsufficientCreditsException} on a submit would fail every other item too: the run ends
 *       with it as {@code onError} (the journal keeps the accepted tasks for the next run).
 * </ul>
 *
 * <p>Ids must be unique within a batch (an id already in flight is refused as invalid). Disposing
 * the run stops it: submits not yet answered are recorded as the client records any abandoned
 * submit, and accepted tasks stay in the journal for the next run.
 */
public final class BatchRunner {
  /** The journal label holding the batch id. */
  public static final String LABEL_BATCH = "batch";

  /** The journal label holding the item id. */
  public static final String LABEL_ITEM = "batch.item";

  /** The wait after a first refusal that gave no {@code Retry-After}. */
  public static final Duration FIRST_LIMIT_WAIT = Duration.ofSeconds(1);

  /** The longest wait between refusals of one item that gave no {@code Retry-After}. */
  public static final Duration MAX_LIMIT_WAIT = Duration.ofSeconds(32);

  /** An item refused this many times for the provider's limit fails. */
  public static final int MAX_REFUSALS_PER_ITEM = 20;

  final VideoClient client;
  final String batchId;
  final int maxConcurrency;
  final @Nullable Function<BatchItem, Path> target;
  final @Nullable BigDecimal budgetUsd;
  final @Nullable Function<BatchItem, Optional<BigDecimal>> estimator;
  final Scheduler scheduler;
  final @Nullable Long expectedItems;

  private BatchRunner(Builder b) {
    this.client = b.client;
    this.batchId = b.batchId;
    this.maxConcurrency = b.maxConcurrency;
    this.target = b.target;
    this.budgetUsd = b.budgetUsd;
    this.estimator = b.estimator;
    this.scheduler = b.scheduler;
    this.expectedItems = b.expectedItems;
  }

  /**
   * A runner for the batch {@code batchId} (what the journal records the items under: the same id
   * resumes the batch).
   */
  public static Builder builder(VideoClient client, String batchId) {
    return new Builder(client, batchId);
  }

  /** The batch id. */
  public String batchId() {
    return batchId;
  }

  /**
   * Runs the items: cold, nothing is read or sent until subscribed. Emits a {@link BatchEvent}
   * after each change (an item read and settled, a submit accepted or refused, an item ended) and
   * completes when every item has ended; each item ends exactly once, with an {@link
   * BatchEvent#item() item} result.
   */
  public Flowable<BatchEvent> run(Flowable<BatchItem> items) {
    if (items == null) throw new NullPointerException("items == null");
    return Flowable.defer(() -> new BatchRun(this, items, false).events());
  }

  /**
   * Checks every item and totals the estimates, sending nothing: each item ends {@link
   * BatchItemResult.Outcome#WOULD_SUBMIT}, {@link BatchItemResult.Outcome#WOULD_RESUME}, or as a
   * run would end it without sending ({@link BatchItemResult.Outcome#INVALID}, over the budget,
   * without an estimate, delivered or failed or of unknown outcome in an earlier run). The last
   * event's {@link BatchProgress#committedUsd()} is the total a run would commit.
   */
  public Flowable<BatchEvent> dryRun(Flowable<BatchItem> items) {
    if (items == null) throw new NullPointerException("items == null");
    return Flowable.defer(() -> new BatchRun(this, items, true).events());
  }

  /** Settings of a {@link BatchRunner}. */
  public static final class Builder {
    private final VideoClient client;
    private final String batchId;
    private int maxConcurrency = 4;
    private @Nullable Function<BatchItem, Path> target;
    private @Nullable BigDecimal budgetUsd;
    private @Nullable Function<BatchItem, Optional<BigDecimal>> estimator;
    private Scheduler scheduler = Schedulers.computation();
    private @Nullable Long expectedItems;

    private Builder(VideoClient client, String batchId) {
      if (client == null) throw new NullPointerException("client == null");
      if (batchId == null) throw new NullPointerException("batchId == null");
      if (batchId.isEmpty()) throw new IllegalArgumentException("batchId is empty");
      this.client = client;
      this.batchId = batchId;
    }

    /**
     * The most tasks in flight at the provider at once (submitted and not ended there); the runner
     * starts at this and goes lower while the provider refuses. Default 4.
     *
     * @param n 1 or more
     */
    public Builder maxConcurrency(int n) {
      if (n < 1) throw new IllegalArgumentException("maxConcurrency must be >= 1: " + n);
      this.maxConcurrency = n;
      return this;
    }

    /**
     * Saves each delivered video as {@code <directory>/<item id>.mp4} (ids with characters a file
     * name cannot hold are the caller's to avoid). Without a target, an item is delivered when its
     * task succeeds, and nothing is downloaded.
     */
    public Builder outputDirectory(Path directory) {
      if (directory == null) throw new NullPointerException("directory == null");
      return target(item -> directory.resolve(item.id() + ".mp4"));
    }

    /** Where each item's video is saved; see {@link #outputDirectory}. */
    public Builder target(Function<BatchItem, Path> target) {
      if (target == null) throw new NullPointerException("target == null");
      this.target = target;
      return this;
    }

    /**
     * Keeps the batch within {@code budgetUsd} US dollars by the estimates of {@code estimator}
     * (such as {@code VideoProviderFactory.estimateUsd}); an item it gives no estimate for is not
     * sent.
     *
     * @param budgetUsd zero or more
     */
    public Builder budgetUsd(
        BigDecimal budgetUsd, Function<BatchItem, Optional<BigDecimal>> estimator) {
      if (budgetUsd == null) throw new NullPointerException("budgetUsd == null");
      if (budgetUsd.signum() < 0)
        throw new IllegalArgumentException("budgetUsd must be >= 0: " + budgetUsd);
      costEstimator(estimator);
      this.budgetUsd = budgetUsd;
      return this;
    }

    /**
     * Estimates each item's cost for {@link BatchItemResult#estimateUsd()} and {@link
     * BatchProgress#committedUsd()}, without a budget.
     */
    public Builder costEstimator(Function<BatchItem, Optional<BigDecimal>> estimator) {
      if (estimator == null) throw new NullPointerException("estimator == null");
      this.estimator = estimator;
      return this;
    }

    /**
     * The scheduler of the runner's waits and clock; use the client's (a {@code TestScheduler} in
     * tests). Default {@code Schedulers.computation()}.
     */
    public Builder scheduler(Scheduler scheduler) {
      if (scheduler == null) throw new NullPointerException("scheduler == null");
      this.scheduler = scheduler;
      return this;
    }

    /**
     * How many items the input holds, when the caller knows it before the input ends (a file's
     * lines), for {@link BatchProgress#total()} and the time left.
     */
    public Builder expectedItems(long n) {
      if (n < 0) throw new IllegalArgumentException("expectedItems must be >= 0: " + n);
      this.expectedItems = n;
      return this;
    }

    public BatchRunner build() {
      return new BatchRunner(this);
    }
  }
}
