package io.github.pixverse4j.client.batch;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.RetryState;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.SubmitListener;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.batch.BatchItemResult.Outcome;
import io.github.pixverse4j.client.internal.Failures;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.BackpressureStrategy;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableEmitter;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.disposables.SerialDisposable;
import io.reactivex.rxjava3.observers.DisposableObserver;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;

/**
 * One run (or dry run) of a {@link BatchRunner}. Every signal (an item read, a status, an error, a
 * timer) is queued and handled by one drain loop at a time, so the state below needs no locks and
 * the upstream may call back synchronously from {@code request(1)}.
 */
final class BatchRun {
  private final BatchRunner runner;
  private final VideoClient client;
  private final Flowable<BatchItem> items;
  private final boolean dry;

  private final ConcurrentLinkedQueue<Runnable> signals = new ConcurrentLinkedQueue<>();
  private final AtomicInteger wip = new AtomicInteger();
  private final CompositeDisposable resources = new CompositeDisposable();
  private final SerialDisposable holdTimer = new SerialDisposable();

  // ---- state, touched only by the drain loop ----
  private @Nullable FlowableEmitter<BatchEvent> emitter;
  private @Nullable Subscription upstream;
  private boolean upstreamRequested;
  private boolean upstreamDone;
  private boolean finished;
  private final ConcurrencyLimit limit;
  private final ArrayDeque<Active> ready = new ArrayDeque<>();
  private final Map<String, Active> active = new HashMap<>();
  private Map<String, JournalEntry> priors = Collections.emptyMap();
  private int running;
  private int submitting;
  private boolean holding;
  private long holdEpoch;
  private long read;
  private long delivered;
  private long failed;
  private long workedThisRun;
  private BigDecimal committed = BigDecimal.ZERO;
  private long startNanos;

  BatchRun(BatchRunner runner, Flowable<BatchItem> items, boolean dry) {
    this.runner = runner;
    this.client = runner.client;
    this.items = items;
    this.dry = dry;
    this.limit = new ConcurrencyLimit(runner.maxConcurrency);
  }

  Flowable<BatchEvent> events() {
    return Flowable.create(
        e -> {
          resources.add(holdTimer);
          e.setDisposable(resources);
          signal(() -> start(e));
        },
        BackpressureStrategy.BUFFER);
  }

  // ---- the drain loop ----

  private void signal(Runnable r) {
    signals.offer(r);
    if (wip.getAndIncrement() != 0) return;
    int missed = 1;
    for (; ; ) {
      Runnable next;
      while ((next = signals.poll()) != null) {
        if (finished) continue;
        try {
          next.run();
        } catch (Throwable t) {
          fail(t);
        }
      }
      if (!finished) {
        try {
          pump();
        } catch (Throwable t) {
          fail(t);
        }
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) return;
    }
  }

  private void start(FlowableEmitter<BatchEvent> e) {
    emitter = e;
    startNanos = runner.scheduler.now(TimeUnit.NANOSECONDS);
    Optional<TaskJournal> journal = client.journal();
    if (journal.isPresent()) priors = index(journal.get(), runner.batchId);
    items.subscribe(
        new FlowableSubscriber<BatchItem>() {
          @Override
          public void onSubscribe(Subscription s) {
            resources.add(Disposable.fromAction(s::cancel));
            signal(() -> upstream = s);
          }

          @Override
          public void onNext(BatchItem item) {
            signal(
                () -> {
                  upstreamRequested = false;
                  take(item);
                });
          }

          @Override
          public void onError(Throwable t) {
            signal(() -> fail(t));
          }

          @Override
          public void onComplete() {
            signal(() -> upstreamDone = true);
          }
        });
  }

  /** Sends what the target allows, asks for the next item when there is room, completes. */
  private void pump() {
    if (emitter == null) return;
    if (emitter.isCancelled()) {
      finished = true;
      return;
    }
    while (!holding && running + submitting < limit.target() && !ready.isEmpty()) {
      send(ready.pollFirst());
    }
    if (upstream != null
        && !upstreamDone
        && !upstreamRequested
        && running + submitting + ready.size() < limit.target()) {
      upstreamRequested = true;
      upstream.request(1);
      return; // the item (or the end) arrives as a signal, and this loop runs again
    }
    if (upstreamDone && ready.isEmpty() && active.isEmpty()) {
      finished = true;
      resources.dispose();
      emitter.onComplete();
    }
  }

  private void fail(Throwable t) {
    if (finished) return;
    finished = true;
    FlowableEmitter<BatchEvent> e = emitter;
    resources.dispose();
    if (e != null) e.tryOnError(t);
  }

  // ---- an item read ----

  /** One in-flight item: its request, target, estimate and what has happened to it. */
  private static final class Active {
    final BatchItem item;
    final @Nullable Path target;
    final @Nullable BigDecimal estimate;
    @Nullable DisposableObserver<TaskStatus> observer;
    @Nullable Disposable download;
    @Nullable TaskHandle handle;
    TaskJournal.@Nullable Claim claim;
    boolean accepted;
    boolean ended;
    int refusals;

    Active(BatchItem item, @Nullable Path target, @Nullable BigDecimal estimate) {
      this.item = item;
      this.target = target;
      this.estimate = estimate;
    }
  }

  private void take(BatchItem item) {
    read++;
    String id = item.id();
    List<String> problems = problems(item);
    if (!problems.isEmpty()) {
      end(id, Outcome.INVALID, null, null, null, null, problems, null, false);
      return;
    }
    if (active.containsKey(id)) {
      endUnsent(
          id,
          Outcome.INVALID,
          null,
          "The id " + id + " is in this batch twice; ids must be unique (nothing was sent).",
          null,
          false);
      return;
    }
    Path target;
    try {
      target = runner.target == null ? null : runner.target.apply(item);
    } catch (RuntimeException e) {
      end(
          id,
          Outcome.INVALID,
          null,
          null,
          null,
          e,
          Collections.singletonList("No target for the item: " + e.getMessage()),
          null,
          false);
      return;
    }
    BigDecimal estimate = estimate(item);
    JournalEntry prior = priors.remove(id);
    JournalEntry.Phase phase = prior == null ? null : prior.phase();
    TaskHandle priorHandle = prior == null ? null : prior.handle().orElse(null);

    Path saved = savedFile(prior, target);
    if (saved != null) {
      commit(estimate);
      end(id, Outcome.DELIVERED, priorHandle, null, saved, null, none(), estimate, true);
      return;
    }
    if (phase == JournalEntry.Phase.SUBMITTING || phase == JournalEntry.Phase.OUTCOME_UNKNOWN) {
      commit(estimate);
      endUnsent(
          id,
          Outcome.OUTCOME_UNKNOWN,
          null,
          "An earlier run's submit of this item was never answered ("
              + phase
              + ", journal entry "
              + prior.id()
              + "): a job may exist, so it is not sent again. Check the provider's console,"
              + " then dismiss the entry (pixverse4j tasks --forget "
              + prior.id()
              + ") to let a run send it.",
          estimate,
          true);
      return;
    }
    if (phase == JournalEntry.Phase.FAILED
        || phase == JournalEntry.Phase.CANCELLED
        || phase == JournalEntry.Phase.GONE) {
      endUnsent(
          id,
          Outcome.FAILED,
          priorHandle,
          "An earlier run's task of this item ended "
              + phase
              + prior.message().map(m -> ": " + m).orElse("")
              + " (not sent again; give the item a new id to try once more).",
          estimate,
          true);
      return;
    }
    if (priorHandle != null) {
      if (!priorHandle.providerId().equals(client.providerId())) {
        endUnsent(
            id,
            Outcome.FAILED,
            priorHandle,
            "An earlier run's task of this item is at provider "
                + priorHandle.providerId()
                + ", not "
                + client.providerId()
                + ": run the batch with that provider to follow it.",
            estimate,
            true);
        return;
      }
      commit(estimate);
      if (dry) {
        end(id, Outcome.WOULD_RESUME, priorHandle, null, null, null, none(), estimate, true);
      } else {
        resume(new Active(item, target, estimate), prior, priorHandle);
      }
      return;
    }
    if (runner.budgetUsd != null) {
      if (estimate == null) {
        endUnsent(
            id,
            Outcome.NO_ESTIMATE,
            null,
            "Not sent: a budget is set and there is no cost estimate for this item (neither"
                + " your price table nor its provider's published prices has a rate for these"
                + " settings, or a per-second rate and no known length: set its duration;"
                + " docs/pricing.md).",
            null,
            false);
        return;
      }
      if (committed.add(estimate).compareTo(runner.budgetUsd) > 0) {
        endUnsent(
            id,
            Outcome.OVER_BUDGET,
            null,
            "Not sent: its estimate of $"
                + estimate.toPlainString()
                + " would take the batch's committed $"
                + committed.toPlainString()
                + " past the budget of $"
                + runner.budgetUsd.toPlainString()
                + ".",
            estimate,
            false);
        return;
      }
    }
    commit(estimate);
    if (dry) {
      end(id, Outcome.WOULD_SUBMIT, null, null, null, null, none(), estimate, false);
      return;
    }
    Active a = new Active(item, target, estimate);
    active.put(id, a);
    ready.addLast(a);
  }

  private List<String> problems(BatchItem item) {
    if (!item.problems().isEmpty()) return item.problems();
    List<Violation> violations;
    if (item.imageToVideo().isPresent()) {
      violations = client.capabilities().validate(item.imageToVideo().get());
    } else {
      if (!client.capabilities().supportsExtend()) {
        return Collections.singletonList(
            client.providerId() + " cannot extend videos (nothing was sent).");
      }
      violations = client.capabilities().validate(item.extend().get());
    }
    List<String> out = new ArrayList<>();
    for (Violation v : violations) out.add(v.message());
    return out;
  }

  private @Nullable BigDecimal estimate(BatchItem item) {
    if (runner.estimator == null) return null;
    try {
      return runner.estimator.apply(item).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The file an earlier run saved the item to, if it exists. */
  private static @Nullable Path savedFile(@Nullable JournalEntry prior, @Nullable Path target) {
    if (target != null && Files.isRegularFile(target)) return target;
    if (prior != null
        && prior.phase() == JournalEntry.Phase.DOWNLOADED
        && prior.downloadedFile().isPresent()) {
      Path file = Paths.get(prior.downloadedFile().get());
      if (Files.isRegularFile(file)) return file;
    }
    return null;
  }

  private void commit(@Nullable BigDecimal estimate) {
    if (estimate != null) committed = committed.add(estimate);
  }

  private void uncommit(@Nullable BigDecimal estimate) {
    if (estimate != null) committed = committed.subtract(estimate);
  }

  private static List<String> none() {
    return Collections.emptyList();
  }

  // ---- sending and following ----

  private Map<String, String> labels(Active a) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (a.target != null)
      labels.put(JournalEntry.LABEL_TARGET, a.target.toAbsolutePath().toString());
    labels.put(BatchRunner.LABEL_BATCH, runner.batchId);
    labels.put(BatchRunner.LABEL_ITEM, a.item.id());
    return labels;
  }

  private void send(Active a) {
    submitting++;
    DisposableObserver<TaskStatus> observer = follower(a);
    a.observer = observer;
    resources.add(observer);
    SubmitListener listener =
        new SubmitListener() {
          @Override
          public void retrying(RetryState state, int attemptLimit, Throwable failure) {
            if (!Failures.isLimitRefusal(failure)) return;
            // Give the attempt up before its retry: nothing was sent, so the journal records it
            // as not accepted, and the runner resends the item when the provider has room.
            observer.dispose();
            signal(() -> refused(a, failure));
          }
        };
    Observable<TaskStatus> stream =
        a.item.imageToVideo().isPresent()
            ? client.generate(a.item.imageToVideo().get(), labels(a), listener)
            : client.extend(a.item.extend().get(), labels(a), listener);
    stream.subscribe(observer);
  }

  private void resume(Active a, JournalEntry prior, TaskHandle handle) {
    TaskJournal journal = client.journal().get();
    Optional<TaskJournal.Claim> claim = journal.tryClaim(prior.id());
    if (!claim.isPresent()) {
      end(
          a.item.id(),
          Outcome.FAILED,
          handle,
          null,
          null,
          null,
          Collections.singletonList(
              "Another process is following this item's task now (journal entry "
                  + prior.id()
                  + "): not followed twice."),
          a.estimate,
          true);
      return;
    }
    a.claim = claim.get();
    a.accepted = true;
    a.handle = handle;
    running++;
    active.put(a.item.id(), a);
    DisposableObserver<TaskStatus> observer = follower(a);
    a.observer = observer;
    resources.add(observer);
    client.resume(prior).subscribe(observer);
  }

  private DisposableObserver<TaskStatus> follower(Active a) {
    return new DisposableObserver<TaskStatus>() {
      @Override
      public void onNext(TaskStatus s) {
        signal(() -> status(a, s));
      }

      @Override
      public void onError(Throwable e) {
        signal(() -> error(a, e));
      }

      @Override
      public void onComplete() {}
    };
  }

  private void status(Active a, TaskStatus s) {
    if (a.ended) return;
    if (!a.accepted) {
      a.accepted = true;
      a.handle = s.handle();
      submitting--;
      running++;
      limit.accepted();
      progress();
    }
    if (!s.isTerminal()) return;
    running--;
    holding = false; // a task of the batch ended: a slot at the provider is free
    if (s.state() != TaskState.SUCCEEDED) {
      List<String> why = new ArrayList<>();
      why.add(
          "The task ended "
              + s.state()
              + s.failure().map(f -> " (" + f.category() + "): " + f.message()).orElse("."));
      endActive(a, Outcome.FAILED, s, null, null, why);
      return;
    }
    if (a.target == null) {
      endActive(a, Outcome.DELIVERED, s, null, null, none());
      return;
    }
    Path target = a.target;
    try {
      Path dir = target.toAbsolutePath().getParent();
      if (dir != null) Files.createDirectories(dir);
    } catch (IOException e) {
      endActive(
          a,
          Outcome.FAILED,
          s,
          null,
          e,
          Collections.singletonList("Cannot create the directory of " + target + ": " + e));
      return;
    }
    a.download =
        client
            .download(s, target)
            .filter(DownloadProgress::done)
            .lastElement()
            .subscribe(
                p -> signal(() -> endActive(a, Outcome.DELIVERED, s, target, null, none())),
                e ->
                    signal(
                        () ->
                            endActive(
                                a,
                                Outcome.FAILED,
                                s,
                                null,
                                e,
                                Collections.singletonList(
                                    "The task succeeded but its video was not saved: "
                                        + e.getMessage()
                                        + " (a run of the batch again saves it)."))),
                () ->
                    signal(
                        () ->
                            endActive(
                                a,
                                Outcome.FAILED,
                                s,
                                null,
                                null,
                                Collections.singletonList("The download ended without a file."))));
    resources.add(a.download);
  }

  private void error(Active a, Throwable e) {
    if (a.ended) return;
    if (!a.accepted) {
      if (Failures.isLimitRefusal(e)) {
        refused(a, e);
        return;
      }
      submitting--;
      if (e instanceof SubmitOutcomeUnknownException) {
        endActive(a, Outcome.OUTCOME_UNKNOWN, null, null, e, line(e));
        return;
      }
      uncommit(a.estimate);
      endActive(a, Outcome.FAILED, null, null, e, line(e));
      if (e instanceof AuthenticationException || e instanceof InsufficientCreditsException) {
        fail(e);
      }
      return;
    }
    running--;
    endActive(a, Outcome.FAILED, null, null, e, line(e));
  }

  private static List<String> line(Throwable e) {
    return Collections.singletonList(String.valueOf(e.getMessage()));
  }

  /** The provider refused {@code a}'s submit for its limit: nothing was created. */
  private void refused(Active a, Throwable e) {
    if (a.ended) return;
    submitting--;
    a.refusals++;
    if (a.refusals >= BatchRunner.MAX_REFUSALS_PER_ITEM) {
      uncommit(a.estimate);
      endActive(
          a,
          Outcome.FAILED,
          null,
          null,
          e,
          Collections.singletonList(
              "Refused "
                  + a.refusals
                  + " times for the provider's limit; the last time: "
                  + e.getMessage()));
      return;
    }
    limit.refused(running + submitting);
    Duration wait = Failures.retryAfter(e).orElse(backoff(a.refusals));
    Duration cap = client.pollingPolicy().maxRetryAfter();
    if (wait.compareTo(cap) > 0) wait = cap;
    ready.addFirst(a);
    holding = true;
    long epoch = ++holdEpoch;
    // One timer at a time: a later refusal replaces the wait (and the epoch ignores a late one).
    holdTimer.set(
        runner.scheduler.scheduleDirect(
            () ->
                signal(
                    () -> {
                      if (holdEpoch == epoch) holding = false;
                    }),
            wait.toNanos(),
            TimeUnit.NANOSECONDS));
    progress();
  }

  private static Duration backoff(int refusals) {
    Duration d = BatchRunner.FIRST_LIMIT_WAIT;
    for (int i = 1; i < refusals && d.compareTo(BatchRunner.MAX_LIMIT_WAIT) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(BatchRunner.MAX_LIMIT_WAIT) > 0 ? BatchRunner.MAX_LIMIT_WAIT : d;
  }

  // ---- ends and events ----

  private void endActive(
      Active a,
      Outcome outcome,
      @Nullable TaskStatus status,
      @Nullable Path saved,
      @Nullable Throwable error,
      List<String> problems) {
    if (a.ended) return;
    a.ended = true;
    active.remove(a.item.id());
    if (a.observer != null) {
      resources.delete(a.observer);
      a.observer.dispose();
    }
    if (a.download != null) resources.delete(a.download);
    if (a.claim != null) a.claim.close();
    workedThisRun++;
    end(a.item.id(), outcome, a.handle, status, saved, error, problems, a.estimate, false);
  }

  /** Ends an item for which nothing is sent now, with one sentence saying why. */
  private void endUnsent(
      String id,
      Outcome outcome,
      @Nullable TaskHandle handle,
      String why,
      @Nullable BigDecimal estimate,
      boolean fromEarlierRun) {
    end(
        id,
        outcome,
        handle,
        null,
        null,
        null,
        Collections.singletonList(why),
        estimate,
        fromEarlierRun);
  }

  private void end(
      String id,
      Outcome outcome,
      @Nullable TaskHandle handle,
      @Nullable TaskStatus status,
      @Nullable Path saved,
      @Nullable Throwable error,
      List<String> problems,
      @Nullable BigDecimal estimate,
      boolean fromEarlierRun) {
    if (outcome.isDelivered()) delivered++;
    else failed++;
    emit(
        new BatchItemResult(
            id, outcome, handle, status, saved, error, problems, estimate, fromEarlierRun));
  }

  private void progress() {
    emit(null);
  }

  private void emit(@Nullable BatchItemResult item) {
    FlowableEmitter<BatchEvent> e = emitter;
    if (e == null || finished) return;
    e.onNext(new BatchEvent(snapshot(), item));
  }

  private BatchProgress snapshot() {
    long now = runner.scheduler.now(TimeUnit.NANOSECONDS);
    Duration elapsed = Duration.ofNanos(Math.max(0, now - startNanos));
    Long total = upstreamDone ? Long.valueOf(read) : runner.expectedItems;
    Duration left = null;
    long ended = delivered + failed;
    if (total != null && workedThisRun > 0 && !elapsed.isZero()) {
      long remaining = Math.max(0, total - ended);
      left = Duration.ofNanos((long) ((double) elapsed.toNanos() / workedThisRun * remaining));
    }
    return new BatchProgress(
        read,
        total,
        delivered,
        failed,
        running,
        submitting,
        ready.size(),
        limit.target(),
        committed,
        elapsed,
        left);
  }

  // ---- the journal ----

  /**
   * The batch's entries by item id: the one that says most about the item (saved, succeeded,
   * accepted, unknown, failed), ignoring submits the provider refused.
   */
  static Map<String, JournalEntry> index(TaskJournal journal, String batchId) {
    Map<String, JournalEntry> byItem = new HashMap<>();
    for (JournalEntry e : journal.entries()) {
      if (!batchId.equals(e.labels().get(BatchRunner.LABEL_BATCH))) continue;
      String item = e.labels().get(BatchRunner.LABEL_ITEM);
      if (item == null || rank(e.phase()) == 0) continue;
      JournalEntry known = byItem.get(item);
      if (known == null || rank(e.phase()) > rank(known.phase())) byItem.put(item, e);
    }
    return byItem;
  }

  private static int rank(JournalEntry.Phase p) {
    switch (p) {
      case DOWNLOADED:
        return 6;
      case SUCCEEDED:
        return 5;
      case ACCEPTED:
        return 4;
      case SUBMITTING:
      case OUTCOME_UNKNOWN:
        return 3;
      case FAILED:
      case CANCELLED:
      case GONE:
        return 2;
      default: // NOT_ACCEPTED, FORGOTTEN: nothing exists at the provider
        return 0;
    }
  }
}
