package io.github.pixverse4j.client.internal;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.provider.NoJobCreatedException;
import java.time.Duration;
import java.util.Optional;

/** The engine's rules for which failures are retried, and how they reach the caller. */
public final class Failures {
  private Failures() {}

  /**
   * Whether a read (status, result, cancel) that failed this way is worth repeating: no answer
   * (connection refused or reset, timeouts), 408, 425, 429, 5xx, or a 2xx answer that is not JSON
   * at all (a gateway's HTML page, an empty or cut-off body). Reads are idempotent, so repeating
   * them costs nothing but a request. Permanent answers (401/403, task not found, well-formed JSON
   * with an unknown status, an answer over the body cap) are not transient.
   */
  public static boolean isTransient(Throwable e) {
    // An answer over the body cap is hostile or broken: another read would only waste more.
    if (io.github.pixverse4j.client.http.HttpErrors.isOversized(e)) return false;
    return e instanceof TransportException
        || e instanceof RateLimitedException
        || e instanceof ProviderUnavailableException
        || e instanceof MalformedResponseException && ((MalformedResponseException) e).unreadable();
  }

  /**
   * {@code e} in one short line for {@link io.github.pixverse4j.api.RetryState#lastFailure()}: the
   * HTTP status (and provider code) when there was an answer, else what went wrong with the
   * connection. Built from messages that are already scrubbed of the key.
   */
  public static String oneLine(Throwable e) {
    if (e instanceof VideoApiException) {
      VideoApiException v = (VideoApiException) e;
      if (v instanceof MalformedResponseException
          && ((MalformedResponseException) v).unreadable()) {
        return "answer not JSON" + v.httpStatus().map(s -> ", HTTP " + s).orElse("");
      }
      if (v.httpStatus().isPresent()) {
        return "HTTP "
            + v.httpStatus().get()
            + v.providerCode().map(c -> " " + cut(c, 40)).orElse("");
      }
      if (v instanceof TransportException) {
        Throwable cause = e.getCause();
        if (cause instanceof io.github.pixverse4j.client.http.RequestNotSentException) {
          return "connection failed before sending ("
              + cause.getCause().getClass().getSimpleName()
              + ")";
        }
        if (cause instanceof java.net.ConnectException) return "connection refused";
        if (cause instanceof java.net.SocketTimeoutException) return "timed out";
        if (cause instanceof java.io.InterruptedIOException) return "timed out";
        if (cause != null) return "connection failed (" + cause.getClass().getSimpleName() + ")";
        return "connection failed";
      }
      return cut(v.baseMessage(), 120);
    }
    return cut(String.valueOf(e), 120);
  }

  private static String cut(String s, int max) {
    String line = io.github.pixverse4j.client.http.HttpErrors.snippet(s, null);
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }

  /**
   * Whether a submit that failed this way provably created no job, so that sending it again cannot
   * make a second one: the connection failed before any byte of the request was written (refused,
   * unresolved, TLS, or a pooled connection found closed: {@link
   * io.github.pixverse4j.client.http.RequestNotSentException}), or the provider answered 429 or
   * 503. A connection that failed once writing may have begun is not: the provider may have read
   * the whole submit.
   */
  public static boolean submitProvablyNotAccepted(Throwable e) {
    if (e instanceof TransportException) {
      return !((TransportException) e).requestMayHaveReachedServer();
    }
    if (e instanceof RateLimitedException) return true;
    if (e instanceof ProviderUnavailableException) {
      return ((ProviderUnavailableException) e).httpStatus().map(s -> s == 503).orElse(false);
    }
    return false;
  }

  /**
   * Whether a submit was refused for the provider's concurrency or rate limit, so that sending
   * fewer submits at once helps and the same submit may be sent again later (no job was created).
   * The one rule for every provider: each maps its limit answer to {@link RateLimitedException}, so
   * nothing here reads a provider's words. PixVerse's ErrCode 500044 on HTTP 200 ({@code
   * PixVerseErrors}), the v3 async hosts' {@code RATE_LIMIT_EXCEEDED} ({@code V3AsyncErrors}), HTTP
   * 429 of GMI and the queue family, and a 503 that asks to wait, 408 and 425 ({@code
   * http.HttpErrors}).
   */
  public static boolean isLimitRefusal(Throwable e) {
    return e instanceof RateLimitedException;
  }

  /**
   * Turns a final submit failure into what the caller sees: when the provider may have accepted the
   * job (no answer, a 500, 502 or 504, or an unreadable answer), a {@link
   * SubmitOutcomeUnknownException}. A server error may come after the job was created, and a
   * gateway's says nothing about the origin; only a provider's documentation can say otherwise,
   * which a provider reports with {@link NoJobCreatedException}.
   */
  public static Throwable forSubmit(Throwable e, String providerId) {
    if (e instanceof NoJobCreatedException)
      return wrap(((NoJobCreatedException) e).answer(), providerId);
    boolean unknown = false;
    if (e instanceof TransportException) {
      unknown = ((TransportException) e).requestMayHaveReachedServer();
    } else if (e instanceof ProviderUnavailableException) {
      unknown =
          ((ProviderUnavailableException) e)
              .httpStatus()
              .map(s -> s == 500 || s == 502 || s == 504)
              .orElse(false);
    } else if (e instanceof MalformedResponseException) {
      unknown = true;
    }
    if (!unknown) return wrap(e, providerId);
    ErrorDetails details =
        e instanceof VideoApiException
            ? ((VideoApiException) e).details()
            : ErrorDetails.provider(providerId);
    String cause =
        e instanceof VideoApiException ? ((VideoApiException) e).baseMessage() : String.valueOf(e);
    return new SubmitOutcomeUnknownException(
        "The submit may have reached "
            + providerId
            + " but its answer was lost ("
            + cause
            + "). A job may exist and may be billed, so it was not sent again: check the provider's"
            + " dashboard before submitting again.",
        details,
        e);
  }

  /**
   * The status as the caller should see it: a task a provider reports as failed because it was
   * cancelled (by anyone: another process, the provider's console) is CANCELLED, whichever way the
   * provider said so.
   */
  public static TaskStatus truthful(TaskStatus s) {
    if (s.state() == TaskState.FAILED
        && s.failure().isPresent()
        && s.failure().get().category() == FailureCategory.CANCELLED) {
      return TaskStatus.builder()
          .from(s)
          .state(TaskState.CANCELLED)
          .failure(Optional.<TaskFailure>empty())
          .build();
    }
    return s;
  }

  /** The {@code Retry-After} a failure carries, if any. */
  public static Optional<Duration> retryAfter(Throwable e) {
    return io.github.pixverse4j.client.http.HttpErrors.retryAfter(e);
  }

  /** Ensures the error is a {@link VideoApiException} that names {@code handle}. */
  public static VideoApiException withHandle(Throwable e, String providerId, TaskHandle handle) {
    VideoApiException v = wrap(e, providerId);
    return v.attachHandle(handle);
  }

  /** Wraps anything that is not already a {@link VideoApiException}. */
  public static VideoApiException wrap(Throwable e, String providerId) {
    if (e instanceof VideoApiException) return (VideoApiException) e;
    return new VideoApiException(
        "Unexpected error in provider " + providerId + ": " + e,
        ErrorDetails.provider(providerId),
        e);
  }
}
