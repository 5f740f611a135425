package io.github.pixverse4j.client;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.client.journal.JournalRecord;
import java.time.Duration;

/**
 * Hears what a {@link VideoClient} does, for metrics, tracing and logs: the model is OkHttp's
 * {@code EventListener}. Register one on the client's builder ({@link
 * ClientConfig.Builder#addEventListener}, or {@link ClientConfig.Builder#addEventListenerFactory}
 * for one listener per operation); {@code pixverse4j-micrometer} and {@code
 * pixverse4j-opentelemetry} are such listeners.
 *
 * <p>Every method does nothing by default: override the ones you need. Each receives the {@link
 * VideoOperation} it belongs to, the same object from {@link #operationStart} to exactly one of
 * {@link #operationEnd}, {@link #operationFailed} or {@link #operationCanceled}. Within one
 * operation events arrive one at a time and in order, but on different threads (the client's
 * scheduler, OkHttp's dispatcher, the I/O scheduler of a download): keep them short and never
 * block. Durations are measured on the client's scheduler ({@link VideoOperation#nanoTime()}).
 *
 * <p>A listener that throws does not break the stream, the submit or the download: the exception is
 * caught, the first one of each client is logged once through {@code java.util.logging} (logger
 * {@code io.github.pixverse4j.client.VideoEventListener}, level {@code WARNING}; Android sends it
 * to logcat), and later ones are dropped. The event that threw is lost; later events are still
 * delivered.
 *
 * <p>With no listener registered the client makes no call and allocates nothing for events.
 */
public abstract class VideoEventListener {
  /** Hears nothing. */
  public static final VideoEventListener NONE = new VideoEventListener() {};

  /** Makes one listener per operation, when a listener keeps state per task (a tracing span). */
  public interface Factory {
    /**
     * Called on the thread that subscribes, before {@link #operationStart}; return {@link #NONE} to
     * hear nothing of {@code operation}.
     */
    VideoEventListener create(VideoOperation operation);
  }

  /** Which call is retried. */
  public enum CallKind {
    SUBMIT,
    STATUS,
    CANCEL,
    DOWNLOAD
  }

  /** Why a call is retried: a bounded value, fit for a metric tag. */
  public enum RetryReason {
    /** 408, 425 or 429 ({@link RateLimitedException}). */
    RATE_LIMITED,
    /** 5xx ({@link ProviderUnavailableException}). */
    UNAVAILABLE,
    /** No answer: refused, reset, timeout ({@link TransportException}). */
    NO_ANSWER,
    /** An answer that could not be read ({@link MalformedResponseException}). */
    UNREADABLE,
    /** Anything else the engine retries. */
    OTHER;

    /** The reason for retrying after {@code failure}. */
    public static RetryReason of(Throwable failure) {
      if (failure instanceof RateLimitedException) return RATE_LIMITED;
      if (failure instanceof ProviderUnavailableException) return UNAVAILABLE;
      if (failure instanceof TransportException) return NO_ANSWER;
      if (failure instanceof MalformedResponseException) return UNREADABLE;
      return OTHER;
    }
  }

  /** The operation was subscribed to (nothing sent yet). */
  public void operationStart(VideoOperation operation) {}

  /**
   * An attempt of the submit is being sent.
   *
   * @param attempt 1 for the first, then 2, 3, … for resends of what provably sent nothing
   */
  public void submitStart(VideoOperation operation, int attempt) {}

  /**
   * The provider accepted the job; {@link VideoOperation#handle()} is now set.
   *
   * @param took since the operation started: validation, the journal's intent, every attempt and
   *     the waits between them
   */
  public void submitAccepted(VideoOperation operation, TaskHandle handle, Duration took) {}

  /**
   * The submit failed and no job exists: the provider refused it, or every attempt provably sent
   * nothing. A request that fails validation is not sent and gets only {@link #operationFailed}.
   */
  public void submitRefused(VideoOperation operation, Throwable error) {}

  /** The submit may have reached the provider without an answer: a job may exist and be billed. */
  public void submitOutcomeUnknown(VideoOperation operation, SubmitOutcomeUnknownException error) {}

  /**
   * A status read was answered.
   *
   * @param took from sending the read to its answer
   */
  public void statusRead(VideoOperation operation, TaskStatus status, Duration took) {}

  /** A status read failed; whether it is retried follows in {@link #retryScheduled}. */
  public void statusReadFailed(VideoOperation operation, Throwable error, Duration took) {}

  /**
   * A failed call will be made again after {@code delay}.
   *
   * @param attempt the number of the attempt to come: 2 for the first retry
   * @param failure what failed; its class gives the {@code reason}
   */
  public void retryScheduled(
      VideoOperation operation,
      CallKind call,
      RetryReason reason,
      int attempt,
      Duration delay,
      Throwable failure) {}

  /**
   * The task was seen in a new state ({@code QUEUED} after the submit, {@code RUNNING}, …), the
   * first status of a watch included. Called before the status reaches the stream's subscriber.
   */
  public void stateChanged(VideoOperation operation, TaskStatus status) {}

  /**
   * The task ended: {@code SUCCEEDED}, {@code FAILED} (its {@link FailureCategory} in {@code
   * status.failure()}) or {@code CANCELLED}; follows {@link #stateChanged} of the same status.
   */
  public void terminal(VideoOperation operation, TaskStatus status) {}

  /** Bytes of a download arrived; as often as the download stream emits. */
  public void downloadProgress(VideoOperation operation, DownloadProgress progress) {}

  /**
   * The video is in place at {@code last.target()}.
   *
   * @param took from the start of the download, retries included
   */
  public void downloadEnd(VideoOperation operation, DownloadProgress last, Duration took) {}

  /**
   * An HTTP call of this operation is being sent: a provider call (submit, upload, status read,
   * cancel, a provider's follow-up call) or a download request. Heard only by the listeners of a
   * client built with them ({@link ClientConfig.Builder#addEventListener}, {@link
   * ClientConfig.Builder#addEventListenerFactory}): the hook is installed on the client's HTTP
   * client when it is built, so a listener added later by {@link VideoClient#withEventListener} to
   * a client built without any hears no HTTP calls.
   */
  public void httpCallStart(VideoOperation operation, HttpExchange exchange) {}

  /**
   * The HTTP call {@code exchange} ended: {@link HttpExchange#statusCode()} or {@link
   * HttpExchange#failureType()} is set. A call still running when its operation ended (disposed)
   * gets no end event.
   *
   * @param took from {@link #httpCallStart} to the answer's headers (a download's body is in {@link
   *     #downloadEnd}), on the client's clock
   */
  public void httpCallEnd(VideoOperation operation, HttpExchange exchange, Duration took) {}

  /** {@code record} was appended to the client's journal. */
  public void journalWritten(VideoOperation operation, JournalRecord record) {}

  /** The operation completed: the task's stream ended, or the call succeeded. */
  public void operationEnd(VideoOperation operation) {}

  /** The operation ended with {@code error}, as its subscriber sees it. */
  public void operationFailed(VideoOperation operation, Throwable error) {}

  /** The subscriber disposed the operation before it ended. */
  public void operationCanceled(VideoOperation operation) {}
}
