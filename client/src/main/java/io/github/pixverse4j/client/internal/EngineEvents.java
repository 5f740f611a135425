package io.github.pixverse4j.client.internal;

import io.github.pixverse4j.api.TaskStatus;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * What {@link TaskWatcher} tells the client's event listeners about one task: each status read and
 * each retry of a failed one. {@link #NONE} when no listener is registered, so a watcher without
 * listeners only makes calls that return at once.
 */
public interface EngineEvents {
  /** Hears nothing. */
  EngineEvents NONE = new EngineEvents() {};

  /** Whether anyone listens: when false, callers skip measuring. */
  default boolean enabled() {
    return false;
  }

  /** A status read answered {@code status} after {@code tookNanos}. */
  default void statusRead(TaskStatus status, long tookNanos) {}

  /** A status read failed after {@code tookNanos}. */
  default void statusReadFailed(Throwable error, long tookNanos) {}

  /**
   * The failed read will be made again after {@code delay}.
   *
   * @param attempt the number of the read to come: 2 after the first failure
   */
  default void statusRetry(int attempt, Duration delay, Throwable failure) {}

  /**
   * {@code call} marking the HTTP calls it creates as this operation's ({@link HttpCalls}); {@code
   * call} itself when nobody listens.
   */
  default <T> Single<T> marked(Single<T> call) {
    return enabled() ? HttpCalls.marked(call, this) : call;
  }

  /** Like {@link #marked(Single)} for a stream (a download, whose calls are made later). */
  default <T> Observable<T> marked(Observable<T> stream) {
    return enabled() ? HttpCalls.marked(stream, this) : stream;
  }

  /**
   * An HTTP call of this operation starts.
   *
   * @param shown {@code url} as it may be shown (query values hidden, key scrubbed)
   * @return what {@link #httpEnd} is given, or {@code null} when nobody hears it (then {@code
   *     httpEnd} is not called)
   */
  default Object httpStart(String method, HttpUrl url, String shown) {
    return null;
  }

  /**
   * The call {@link #httpStart} started ended: answered {@code code}, or failed with {@code
   * failure} (then {@code code} is -1).
   */
  default void httpEnd(Object exchange, int code, Throwable failure) {}
}
