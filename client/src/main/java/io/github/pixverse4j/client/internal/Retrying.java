package io.github.pixverse4j.client.internal;

import io.github.pixverse4j.client.PollingPolicy;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.functions.Predicate;
import io.reactivex.rxjava3.functions.Supplier;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Repeats a single call after failures the policy allows, with its backoff, on its scheduler, until
 * the policy's deadline (counted from the subscription): a retry that would start after the
 * deadline is not made, and the last failure is reported instead.
 */
public final class Retrying {
  private Retrying() {}

  /**
   * Subscribes to {@code call} and, after a failure {@code retry} accepts, again after the policy's
   * delay.
   */
  public static <T> Single<T> single(
      Supplier<Single<T>> call,
      Predicate<Throwable> retry,
      PollingPolicy policy,
      Scheduler scheduler) {
    return single(call, retry, Integer.MAX_VALUE, policy, scheduler);
  }

  /**
   * Like {@link #single(Supplier, Predicate, PollingPolicy, Scheduler)}, but at most {@code
   * maxRetries} times.
   */
  public static <T> Single<T> single(
      Supplier<Single<T>> call,
      Predicate<Throwable> retry,
      int maxRetries,
      PollingPolicy policy,
      Scheduler scheduler) {
    return single(call, retry, maxRetries, policy, scheduler, null);
  }

  /** Told of each retry before its wait begins. */
  public interface Listener {
    /**
     * @param failures how many calls have failed so far, 1 or more
     * @param failure the last one
     * @param delay the wait before the next call
     */
    void retrying(int failures, Throwable failure, Duration delay);
  }

  /**
   * Like {@link #single(Supplier, Predicate, int, PollingPolicy, Scheduler)}, telling {@code
   * listener} (null: nobody) of each retry.
   */
  public static <T> Single<T> single(
      Supplier<Single<T>> call,
      Predicate<Throwable> retry,
      int maxRetries,
      PollingPolicy policy,
      Scheduler scheduler,
      Listener listener) {
    return Single.defer(
        () ->
            attempt(
                call,
                retry,
                maxRetries,
                policy,
                scheduler,
                scheduler.now(TimeUnit.NANOSECONDS) + policy.deadline().toNanos(),
                0,
                listener));
  }

  /** Like {@link #single} for a {@link Completable}. */
  public static Completable completable(
      Supplier<Completable> call,
      Predicate<Throwable> retry,
      PollingPolicy policy,
      Scheduler scheduler) {
    return single(() -> call.get().toSingleDefault(Boolean.TRUE), retry, policy, scheduler)
        .ignoreElement();
  }

  private static <T> Single<T> attempt(
      Supplier<Single<T>> call,
      Predicate<Throwable> retry,
      int maxRetries,
      PollingPolicy policy,
      Scheduler scheduler,
      long deadlineNanos,
      int failures,
      Listener listener) {
    return HttpLog.attempt(Single.defer(call), failures + 1)
        .onErrorResumeNext(
            e -> {
              if (failures >= maxRetries || !retry.test(e)) return Single.error(e);
              Duration d = PollSchedule.retryDelay(policy, failures + 1, Failures.retryAfter(e));
              if (scheduler.now(TimeUnit.NANOSECONDS) + d.toNanos() > deadlineNanos)
                return Single.error(e);
              if (listener != null) listener.retrying(failures + 1, e, d);
              return Single.timer(d.toNanos(), TimeUnit.NANOSECONDS, scheduler)
                  .flatMap(
                      x ->
                          attempt(
                              call,
                              retry,
                              maxRetries,
                              policy,
                              scheduler,
                              deadlineNanos,
                              failures + 1,
                              listener));
            });
  }
}
