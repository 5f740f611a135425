package io.github.pixverse4j.fake;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.api.internal.DurationText;
import java.time.Duration;

/**
 * What one scripted call does instead of answering normally; give it to {@link
 * FakeProvider#failNext}. Each fault fails the call with the exception a real provider module
 * reports for that situation, so the client's retry rules apply exactly as in production.
 */
public final class FakeFault {
  interface ErrorFactory {
    VideoApiException create(String providerId);
  }

  private final String name;
  private final ErrorFactory error; // null: never answers
  private final Duration after;
  private final boolean serverActed;

  private FakeFault(String name, ErrorFactory error, Duration after, boolean serverActed) {
    this.name = name;
    this.error = error;
    this.after = after;
    this.serverActed = serverActed;
  }

  /**
   * HTTP 429 with {@code Retry-After}: {@link RateLimitedException}. The provider did not act on
   * the call, so even a submit is retried.
   */
  public static FakeFault rateLimited(Duration retryAfter) {
    if (retryAfter == null) throw new NullPointerException("retryAfter == null");
    if (retryAfter.isNegative())
      throw new IllegalArgumentException(
          "retryAfter must be >= 0, got " + DurationText.of(retryAfter));
    return new FakeFault(
        "rateLimited(" + DurationText.of(retryAfter) + ")",
        id -> new RateLimitedException("Too many requests (fake)", details(id, 429), retryAfter),
        Duration.ZERO,
        false);
  }

  /** HTTP 503: {@link ProviderUnavailableException}; the provider did not act, so it is retried. */
  public static FakeFault unavailable() {
    return new FakeFault(
        "unavailable(503)",
        id -> new ProviderUnavailableException("Service unavailable (fake)", details(id, 503)),
        Duration.ZERO,
        false);
  }

  /**
   * HTTP 500: {@link ProviderUnavailableException}. Status and cancel reads are retried; a submit
   * is not (the provider may or may not have created the job; the fake creates none).
   */
  public static FakeFault serverError() {
    return new FakeFault(
        "serverError(500)",
        id -> new ProviderUnavailableException("Internal server error (fake)", details(id, 500)),
        Duration.ZERO,
        false);
  }

  /**
   * No answer within {@code after} (a read timeout): {@link TransportException} that may have
   * reached the server, reported {@code after} later on the scheduler. On a submit the fake creates
   * the job, as a real provider that received the request does, and the client reports {@code
   * SubmitOutcomeUnknownException}; see {@link FakeProvider#tasks()}.
   */
  public static FakeFault timeout(Duration after) {
    if (after == null) throw new NullPointerException("after == null");
    if (after.isNegative())
      throw new IllegalArgumentException("after must be >= 0, got " + DurationText.of(after));
    return new FakeFault(
        "timeout(" + DurationText.of(after) + ")",
        id ->
            new TransportException(
                "timeout (fake): no answer within " + DurationText.of(after),
                ErrorDetails.provider(id),
                null,
                true),
        after,
        true);
  }

  /**
   * The provider acted on the call, then the connection dropped before its answer arrived: a {@link
   * TransportException} that may have reached the server. On a submit the job exists and the client
   * reports {@code SubmitOutcomeUnknownException} without sending it again.
   */
  public static FakeFault answerLost() {
    return new FakeFault(
        "answerLost",
        id ->
            new TransportException(
                "connection reset (fake) after the request was sent",
                ErrorDetails.provider(id),
                null,
                true),
        Duration.ZERO,
        true);
  }

  /**
   * The connection was refused before anything was sent: a {@link TransportException} that provably
   * did not reach the server, so even a submit is retried.
   */
  public static FakeFault connectionRefused() {
    return new FakeFault(
        "connectionRefused",
        id ->
            new TransportException(
                "connection refused (fake)", ErrorDetails.provider(id), null, false),
        Duration.ZERO,
        false);
  }

  /** The submit was refused by content moderation: {@link ContentRejectedException}, HTTP 400. */
  public static FakeFault contentRejected(String message) {
    if (message == null) throw new NullPointerException("message == null");
    return new FakeFault(
        "contentRejected",
        id -> new ContentRejectedException(message, details(id, 400)),
        Duration.ZERO,
        false);
  }

  /** HTTP 401: {@link AuthenticationException}, never retried. */
  public static FakeFault unauthorized() {
    return new FakeFault(
        "unauthorized(401)",
        id -> new AuthenticationException("The API key was refused (fake)", details(id, 401)),
        Duration.ZERO,
        false);
  }

  /** HTTP 402: {@link InsufficientCreditsException}, never retried. */
  public static FakeFault insufficientCredits() {
    return new FakeFault(
        "insufficientCredits(402)",
        id -> new InsufficientCreditsException("Not enough credits (fake)", details(id, 402)),
        Duration.ZERO,
        false);
  }

  /**
   * An answer that cannot be read: {@link MalformedResponseException}. Polling stops; on a submit
   * the job exists (the provider answered, just unreadably) and the outcome is unknown.
   */
  public static FakeFault malformedResponse() {
    return new FakeFault(
        "malformedResponse",
        id -> new MalformedResponseException("Unreadable answer (fake)", details(id, 200)),
        Duration.ZERO,
        true);
  }

  /**
   * The server never answers. What ends the wait depends on the operation, as with a real server
   * that stops answering:
   *
   * <ul>
   *   <li>{@code STATUS}: the read never answers; within {@code generate} or {@code watch} the
   *       client's {@code PollingPolicy} deadline ends it ({@code TaskTimeoutException}), a lone
   *       {@code VideoClient.status(handle)} only disposing does;
   *   <li>{@code SUBMIT}: the HTTP call times out {@link FakeProvider#HUNG_CALL_TIMEOUT} (60 s)
   *       after it reached the fake, with a {@link TransportException} that may have reached the
   *       server; the job exists and the client reports {@code SubmitOutcomeUnknownException}
   *       without sending it again (the deadline does not bound a submit);
   *   <li>{@code CANCEL}: likewise times out after {@link FakeProvider#HUNG_CALL_TIMEOUT}; the fake
   *       took the cancel, and the client sends it again as it does after any timeout;
   *   <li>{@code DOWNLOAD}: the transfer stalls and fails {@link
   *       FakeProvider#HUNG_DOWNLOAD_TIMEOUT} (30 s) after it reached the fake, with a {@link
   *       TransportException}.
   * </ul>
   *
   * Disposing ends every one of them earlier.
   */
  public static FakeFault hang() {
    return new FakeFault("hang", null, Duration.ZERO, true);
  }

  /**
   * A fault that fails the call with whatever {@code error} returns for the provider id, after the
   * fake's latency. The provider did not act on the call (a submit creates no job).
   *
   * @param name how the fault shows in {@link FakeCall#fault()} and in messages
   * @param error called once per call the fault meets; must not return null (a call meeting it then
   *     fails with an {@link IllegalStateException} naming this fault)
   */
  public static FakeFault error(
      String name, java.util.function.Function<String, VideoApiException> error) {
    if (name == null) throw new NullPointerException("name == null");
    if (error == null) throw new NullPointerException("error == null");
    return new FakeFault(
        name,
        id -> {
          VideoApiException e = error.apply(id);
          if (e == null) {
            throw new IllegalStateException(
                "FakeFault.error(\""
                    + name
                    + "\"): its function returned null for"
                    + " provider '"
                    + id
                    + "'; it must return the VideoApiException the call fails with");
          }
          return e;
        },
        Duration.ZERO,
        false);
  }

  private static ErrorDetails details(String providerId, int status) {
    return ErrorDetails.provider(providerId).withHttpStatus(status);
  }

  boolean hangs() {
    return error == null;
  }

  VideoApiException errorFor(String providerId) {
    return error.create(providerId);
  }

  Duration after() {
    return after;
  }

  /**
   * Whether the provider performed the operation (created the job, took the cancel) before failing.
   */
  boolean serverActed() {
    return serverActed;
  }

  @Override
  public String toString() {
    return name;
  }
}
