package io.github.pixverse4j.client.internal;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TaskTimeoutException;
import io.github.pixverse4j.api.internal.DurationText;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoProvider;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.ObservableEmitter;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.disposables.SerialDisposable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Polls one task until it ends, emitting each status that shows something new.
 *
 * <p>One call is in flight at a time; between calls the only thing alive is a timer on the
 * scheduler, so thousands of watchers share the scheduler's and OkHttp's few threads. The deadline
 * has its own timer, so a call that never answers cannot hold the stream open past it.
 */
public final class TaskWatcher {
  private final VideoProvider provider;
  private final PollingPolicy policy;
  private final Scheduler scheduler;
  private final TaskHandle handle;
  private final ObservableEmitter<TaskStatus> emitter;
  private final EngineEvents events;

  // Separate slots: with a synchronous provider the next timer is set while the call is still
  // being subscribed, and one slot would lose track of it.
  private final SerialDisposable timer = new SerialDisposable();
  private final SerialDisposable call = new SerialDisposable();
  private final SerialDisposable deadlineTimer = new SerialDisposable();
  private final AtomicBoolean finished = new AtomicBoolean();

  // Touched only by the one step in progress; each step hands over to the next through the
  // scheduler or OkHttp's dispatcher, which orders the writes.
  private PollSchedule schedule;
  private Throwable lastFailure;

  /** When the read in flight was sent, in scheduler time; kept only when someone listens. */
  private long readSentNanos;

  /** Unregisters from the callback hub; a no-op without one. */
  private volatile Runnable unregister = () -> {};

  private TaskWatcher(
      VideoProvider provider,
      PollingPolicy policy,
      Scheduler scheduler,
      TaskHandle handle,
      ObservableEmitter<TaskStatus> emitter,
      EngineEvents events) {
    this.provider = provider;
    this.policy = policy;
    this.scheduler = scheduler;
    this.handle = handle;
    this.emitter = emitter;
    this.events = events;
  }

  /**
   * Starts watching.
   *
   * @param initial a status already emitted (the QUEUED after a submit), or {@code null}
   * @param firstDelay wait before the first poll
   * @param startNanos when the overall deadline started counting, in {@code scheduler} time
   * @param events told of each read and retry; {@link EngineEvents#NONE} for nobody
   * @param callbacks when not null, a terminal status the hub delivers for this task ends the
   *     stream (after one read when it lacks the videos), and polls are spaced by the policy's
   *     {@link PollingPolicy#webhookSafetyNet()} ({@link PollSchedule#expectCallbacks()})
   * @return disposing it stops the watch (and cancels remotely when the policy says so)
   */
  public static Disposable start(
      VideoProvider provider,
      PollingPolicy policy,
      Scheduler scheduler,
      TaskHandle handle,
      ObservableEmitter<TaskStatus> emitter,
      TaskStatus initial,
      Duration firstDelay,
      long startNanos,
      EngineEvents events,
      @Nullable CallbackHub callbacks) {
    TaskWatcher w =
        new TaskWatcher(provider, policy, scheduler, handle, emitter.serialize(), events);
    w.schedule = new PollSchedule(policy, initial, scheduler.now(TimeUnit.NANOSECONDS));
    if (callbacks != null) w.schedule.expectCallbacks();
    long deadlineIn =
        startNanos + policy.deadline().toNanos() - scheduler.now(TimeUnit.NANOSECONDS);
    w.deadlineTimer.replace(
        scheduler.scheduleDirect(w::onDeadline, Math.max(0, deadlineIn), TimeUnit.NANOSECONDS));
    w.schedulePoll(w.schedule.firstPollDelay(firstDelay));
    if (callbacks != null) {
      Runnable off = callbacks.register(handle.providerId(), handle.taskId(), w::onCallback);
      if (w.finished.get()) off.run();
      else w.unregister = off;
      if (w.finished.get()) w.unregister.run();
    }
    return Disposable.fromAction(w::onDispose);
  }

  /**
   * A terminal status from a callback (any thread): ends the stream with it, or, when it lacks the
   * videos, reads the status at once (the read ends the stream).
   */
  private void onCallback(TaskStatus fromCallback) {
    if (finished.get()) return;
    if (fromCallback == null) {
      schedulePoll(Duration.ZERO);
      return;
    }
    if (!finished.compareAndSet(false, true)) return;
    timer.dispose();
    call.dispose();
    deadlineTimer.dispose();
    unregister.run();
    emitter.onNext(TaskStatus.builder().from(fromCallback).handle(handle).build());
    emitter.onComplete();
  }

  private void schedulePoll(Duration delay) {
    if (finished.get()) return;
    timer.replace(scheduler.scheduleDirect(this::poll, delay.toNanos(), TimeUnit.NANOSECONDS));
  }

  private void poll() {
    if (finished.get()) return;
    if (events.enabled()) readSentNanos = scheduler.now(TimeUnit.NANOSECONDS);
    call.replace(
        HttpLog.attempt(events.marked(provider.status(handle)), schedule.consecutiveFailures() + 1)
            .subscribe(this::onStatus, this::onFailure));
  }

  private void onStatus(TaskStatus answered) {
    if (finished.get()) return;
    TaskStatus s = Failures.truthful(answered);
    lastFailure = null;
    if (events.enabled()) events.statusRead(s, readTook());
    if (!s.handle().equals(handle)) {
      fail(
          new IllegalStateException(
              "provider returned a status for " + s.handle() + " when asked for " + handle));
      return;
    }
    long now = scheduler.now(TimeUnit.NANOSECONDS);
    // A status that follows failed reads differs from the last one emitted by its retry state, so
    // the recovery is always emitted.
    if (schedule.answered(s, now)) emitter.onNext(s);
    if (s.isTerminal()) {
      if (finished.compareAndSet(false, true)) {
        deadlineTimer.dispose();
        unregister.run();
        emitter.onComplete();
      }
      return;
    }
    schedulePoll(schedule.nextPollDelay(now));
  }

  /**
   * A transient failure is retried until the deadline (whose own timer ends the stream), with the
   * policy's capped backoff; each retry re-emits the last status with its retry state so that
   * subscribers see the outage. Anything else ends the stream.
   */
  private void onFailure(Throwable e) {
    if (finished.get()) return;
    if (events.enabled()) events.statusReadFailed(e, readTook());
    if (!Failures.isTransient(e)) {
      fail(e);
      return;
    }
    long now = scheduler.now(TimeUnit.NANOSECONDS);
    lastFailure = e;
    Duration delay = schedule.failed(Failures.oneLine(e), Failures.retryAfter(e), now);
    if (events.enabled()) events.statusRetry(schedule.consecutiveFailures() + 1, delay, e);
    if (schedule.last() != null) emitter.onNext(schedule.last());
    schedulePoll(delay);
  }

  private long readTook() {
    return Math.max(0, scheduler.now(TimeUnit.NANOSECONDS) - readSentNanos);
  }

  private void fail(Throwable e) {
    if (!finished.compareAndSet(false, true)) return;
    deadlineTimer.dispose();
    timer.dispose();
    call.dispose();
    unregister.run();
    emitter.onError(Failures.withHandle(e, provider.id(), handle));
  }

  private void onDeadline() {
    if (!finished.compareAndSet(false, true)) return;
    timer.dispose();
    call.dispose();
    unregister.run();
    if (policy.cancelOnDeadline()) cancelRemotely();
    TaskStatus lastSeen = schedule.last();
    Throwable failure = lastFailure;
    String outage =
        failure == null
            ? ""
            : "; the provider had not answered for "
                + DurationText.ofSeconds(
                    TimeUnit.NANOSECONDS.toSeconds(
                        scheduler.now(TimeUnit.NANOSECONDS) - schedule.failingSinceNanos()))
                + " ("
                + schedule.consecutiveFailures()
                + " failed reads, last: "
                + Failures.oneLine(failure)
                + ")";
    TaskTimeoutException timeout =
        new TaskTimeoutException(
            "The task did not finish within the deadline of "
                + DurationText.of(policy.deadline())
                + (lastSeen == null ? "" : "; it was last seen " + lastSeen.state())
                + outage
                + ". It may still finish: watch its handle again later.",
            ErrorDetails.provider(provider.id()),
            lastSeen,
            failure);
    emitter.onError(timeout.attachHandle(handle));
  }

  private void onDispose() {
    boolean wasRunning = finished.compareAndSet(false, true);
    timer.dispose();
    call.dispose();
    deadlineTimer.dispose();
    unregister.run();
    if (wasRunning && policy.cancelOnDispose()) cancelRemotely();
  }

  private void cancelRemotely() {
    if (!provider.capabilities().supportsCancel()) return;
    // Fire and forget: the watcher is gone, nobody is left to report a failure to.
    Completable cancel =
        Retrying.completable(
            () -> provider.cancel(handle), Failures::isTransient, policy, scheduler);
    Disposable unused = cancel.onErrorComplete().subscribe();
  }
}
