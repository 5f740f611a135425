package io.github.pixverse4j.client;

import io.github.pixverse4j.api.RetryState;
import io.github.pixverse4j.client.internal.Failures;
import io.github.pixverse4j.client.internal.Retrying;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.disposables.Disposable;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The attempts of one submit: whether one is under way, so that a disposal before the answer can
 * tell "nothing was sent" (every attempt so far failed before sending, and the next waits) from "a
 * job may exist" (an attempt was under way), for the journal and the {@link SubmitListener}.
 * Disposing it is the caller's disposal before the answer.
 */
final class SubmitAttempts implements Retrying.Listener, Disposable {
  private final Scheduler scheduler;
  private final SubmitListener listener;
  private final int attemptLimit;

  /** Null without a journal. */
  private final Journaling.Submit journaled;

  private final TaskEvents events;

  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean underWay;
  private volatile Instant failingSince;

  /**
   * Attempts sent so far. Attempts run one after the other, each subscribed after the previous
   * one's failure through the scheduler, which orders the writes.
   */
  private int sent;

  SubmitAttempts(
      Scheduler scheduler,
      SubmitListener listener,
      int attemptLimit,
      Journaling.Submit journaled,
      TaskEvents events) {
    this.scheduler = scheduler;
    this.listener = listener;
    this.attemptLimit = attemptLimit;
    this.journaled = journaled;
    this.events = events;
  }

  /** An attempt is being sent. */
  void sending() {
    underWay = true;
    if (events.enabled()) events.submitStart(++sent);
  }

  /** The provider answered, or the submit failed: a later disposal is no longer the caller's. */
  void answered() {
    ended.set(true);
  }

  @Override
  public void retrying(int failures, Throwable failure, Duration delay) {
    underWay = false;
    events.retry(VideoEventListener.CallKind.SUBMIT, failures + 1, delay, failure);
    Instant now = Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
    if (failures == 1 || failingSince == null) failingSince = now;
    listener.retrying(
        RetryState.builder()
            .failingSince(failingSince)
            .failedAttempts(failures)
            .lastFailure(Failures.oneLine(failure))
            .nextAttemptAt(now.plus(delay))
            .build(),
        attemptLimit,
        failure);
  }

  @Override
  public void dispose() {
    if (!ended.compareAndSet(false, true)) return;
    boolean mayHaveReached = underWay;
    if (journaled != null) journaled.abandoned(mayHaveReached);
    listener.abandoned(mayHaveReached);
  }

  @Override
  public boolean isDisposed() {
    return ended.get();
  }
}
