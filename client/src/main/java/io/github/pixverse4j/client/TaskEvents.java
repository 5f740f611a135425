package io.github.pixverse4j.client;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.VideoEventListener.CallKind;
import io.github.pixverse4j.client.VideoEventListener.RetryReason;
import io.github.pixverse4j.client.internal.EngineEvents;
import io.github.pixverse4j.client.internal.Retrying;
import io.github.pixverse4j.client.journal.JournalRecord;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.exceptions.Exceptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;

/**
 * The events of one {@link VideoOperation}, delivered to the listeners its client's factories made
 * for it: each call guarded (a listener that throws is {@linkplain Registry#failed reported once}
 * per client and skipped), and {@link #NONE} without listeners, whose methods return at once.
 */
final class TaskEvents implements EngineEvents {
  static final TaskEvents NONE = new TaskEvents(null, new VideoEventListener[0], null);

  private static final Logger LOG = Logger.getLogger(VideoEventListener.class.getName());

  /** The listener factories of one client, and whether a listener's failure was reported. */
  static final class Registry {
    final List<VideoEventListener.Factory> factories;
    private final AtomicBoolean reported = new AtomicBoolean();

    Registry(List<VideoEventListener.Factory> factories) {
      this.factories = factories;
    }

    /** Logs the first failure of this client's listeners; drops the rest. */
    void failed(Throwable t) {
      Exceptions.throwIfFatal(t);
      if (!reported.compareAndSet(false, true)) return;
      LOG.log(
          Level.WARNING,
          "A VideoEventListener threw; the event was dropped and the task goes on. Later failures"
              + " of this client's listeners are not logged.",
          t);
    }

    /** The events of a new operation, after {@link VideoEventListener#operationStart}. */
    TaskEvents start(VideoOperation operation) {
      VideoEventListener[] listeners = new VideoEventListener[factories.size()];
      int n = 0;
      for (VideoEventListener.Factory f : factories) {
        try {
          VideoEventListener l = f.create(operation);
          if (l != null && l != VideoEventListener.NONE) listeners[n++] = l;
        } catch (Throwable t) {
          failed(t);
        }
      }
      if (n < listeners.length) listeners = java.util.Arrays.copyOf(listeners, n);
      TaskEvents events = new TaskEvents(operation, listeners, this);
      events.each(l -> l.operationStart(operation));
      return events;
    }
  }

  private final VideoOperation operation;
  private final VideoEventListener[] listeners;
  private final Registry registry;
  private final AtomicBoolean ended = new AtomicBoolean();

  /** The state of the last status passed on; touched only by the stream's serialized emissions. */
  private TaskState lastState;

  private TaskEvents(VideoOperation operation, VideoEventListener[] listeners, Registry registry) {
    this.operation = operation;
    this.listeners = listeners;
    this.registry = registry;
  }

  @Override
  public boolean enabled() {
    return listeners.length > 0;
  }

  private void each(Consumer<VideoEventListener> event) {
    for (VideoEventListener l : listeners) {
      try {
        event.accept(l);
      } catch (Throwable t) {
        registry.failed(t);
      }
    }
  }

  private Duration since(long startNanos) {
    return Duration.ofNanos(Math.max(0, operation.nanoTime() - startNanos));
  }

  // --- submit

  void submitStart(int attempt) {
    if (!enabled()) return;
    each(l -> l.submitStart(operation, attempt));
  }

  void submitAccepted(TaskHandle handle) {
    if (!enabled()) return;
    operation.accepted(handle);
    Duration took = since(operation.startNanos());
    each(l -> l.submitAccepted(operation, handle, took));
  }

  /** {@code error} as the caller sees it (after {@code Failures.forSubmit}). */
  void submitFailed(Throwable error) {
    if (!enabled()) return;
    if (error instanceof SubmitOutcomeUnknownException) {
      each(l -> l.submitOutcomeUnknown(operation, (SubmitOutcomeUnknownException) error));
    } else {
      each(l -> l.submitRefused(operation, error));
    }
  }

  // --- reads and retries

  @Override
  public void statusRead(TaskStatus status, long tookNanos) {
    if (!enabled()) return;
    Duration took = Duration.ofNanos(tookNanos);
    each(l -> l.statusRead(operation, status, took));
  }

  @Override
  public void statusReadFailed(Throwable error, long tookNanos) {
    if (!enabled()) return;
    Duration took = Duration.ofNanos(tookNanos);
    each(l -> l.statusReadFailed(operation, error, took));
  }

  @Override
  public void statusRetry(int attempt, Duration delay, Throwable failure) {
    retry(CallKind.STATUS, attempt, delay, failure);
  }

  void retry(CallKind call, int attempt, Duration delay, Throwable failure) {
    if (!enabled()) return;
    RetryReason reason = RetryReason.of(failure);
    each(l -> l.retryScheduled(operation, call, reason, attempt, delay, failure));
  }

  /** What {@link Retrying} calls before each wait, for {@code call}; null without listeners. */
  Retrying.Listener retries(CallKind call) {
    if (!enabled()) return null;
    return (failures, failure, delay) -> retry(call, failures + 1, delay, failure);
  }

  /** {@code read} with a {@link #statusRead} or {@link #statusReadFailed} per subscription. */
  Single<TaskStatus> timed(Single<TaskStatus> read) {
    if (!enabled()) return read;
    return Single.defer(
        () -> {
          long start = operation.nanoTime();
          return read.doOnSuccess(s -> statusRead(s, operation.nanoTime() - start))
              .doOnError(e -> statusReadFailed(e, operation.nanoTime() - start));
        });
  }

  // --- HTTP calls

  @Override
  public Object httpStart(String method, HttpUrl url, String shown) {
    if (!enabled() || ended.get()) return null;
    HttpExchange exchange =
        new HttpExchange(method, shown, url.scheme(), url.host(), url.port(), operation.nanoTime());
    each(l -> l.httpCallStart(operation, exchange));
    return exchange;
  }

  @Override
  public void httpEnd(Object started, int code, Throwable failure) {
    // A call still running when the operation ended (disposed) is not reported after its end.
    if (!enabled() || ended.get()) return;
    HttpExchange exchange = (HttpExchange) started;
    if (failure != null) exchange.failed(failure);
    else exchange.answered(code);
    Duration took = since(exchange.startNanos());
    each(l -> l.httpCallEnd(operation, exchange, took));
  }

  // --- what the subscriber sees

  /** Each status the stream passes on: a new state, and the end. */
  void emitted(TaskStatus status) {
    if (!enabled()) return;
    if (status.state() != lastState) {
      lastState = status.state();
      each(l -> l.stateChanged(operation, status));
    }
    if (status.isTerminal()) each(l -> l.terminal(operation, status));
  }

  void downloadProgress(DownloadProgress progress) {
    if (!enabled()) return;
    each(l -> l.downloadProgress(operation, progress));
    if (progress.done()) {
      Duration took = since(operation.startNanos());
      each(l -> l.downloadEnd(operation, progress, took));
    }
  }

  void journalWritten(JournalRecord record) {
    if (!enabled()) return;
    each(l -> l.journalWritten(operation, record));
  }

  void end() {
    if (!enabled() || !ended.compareAndSet(false, true)) return;
    each(l -> l.operationEnd(operation));
  }

  void failed(Throwable error) {
    if (!enabled() || !ended.compareAndSet(false, true)) return;
    each(l -> l.operationFailed(operation, error));
  }

  void canceled() {
    if (!enabled() || !ended.compareAndSet(false, true)) return;
    each(l -> l.operationCanceled(operation));
  }

  /** {@code download} reporting its progress; unchanged without listeners. */
  Observable<DownloadProgress> reporting(Observable<DownloadProgress> download) {
    if (!enabled()) return download;
    return download.doOnNext(this::downloadProgress);
  }

  /** {@code stream} reporting how it ends; unchanged without listeners. */
  <T> Observable<T> observe(Observable<T> stream) {
    if (!enabled()) return stream;
    return stream.doOnComplete(this::end).doOnError(this::failed).doOnDispose(this::canceled);
  }

  <T> Single<T> observe(Single<T> single) {
    if (!enabled()) return single;
    return single.doOnSuccess(x -> end()).doOnError(this::failed).doOnDispose(this::canceled);
  }
}
