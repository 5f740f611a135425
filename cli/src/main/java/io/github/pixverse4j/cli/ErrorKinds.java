package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskAlreadyEndedException;
import io.github.pixverse4j.api.TaskFailedException;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.TaskTimeoutException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import picocli.CommandLine;

/**
 * The {@code error} field of a {@code --json} error object: a stable code a script can branch on,
 * one per kind of {@link io.github.pixverse4j.api.VideoApiException} plus the command's own cases.
 * Java class names were printed before; they changed with refactorings. The README's "Exit codes"
 * section lists every code; keep the two in step.
 */
final class ErrorKinds {
  static final String INVALID_INPUT = "invalid_input";
  static final String UNSUPPORTED_FEATURE = "unsupported_feature";
  static final String AUTHENTICATION = "authentication";
  static final String INSUFFICIENT_CREDITS = "insufficient_credits";
  static final String RATE_LIMITED = "rate_limited";
  static final String CONTENT_REJECTED = "content_rejected";
  static final String TASK_FAILED = "task_failed";
  static final String TASK_NOT_FOUND = "task_not_found";
  static final String TASK_ALREADY_ENDED = "task_already_ended";
  static final String TIMED_OUT = "timed_out";
  static final String OUTCOME_UNKNOWN = "outcome_unknown";
  static final String MALFORMED_RESPONSE = "malformed_response";
  static final String PROVIDER_UNAVAILABLE = "provider_unavailable";
  static final String NETWORK = "network";
  static final String OUTPUT_EXISTS = "output_exists";
  static final String NO_VIDEO = "no_video";
  static final String INTERRUPTED = "interrupted";
  static final String FAILED = "failed";

  /** Every code, in the README's order. */
  static final String[] ALL = {
    INVALID_INPUT,
    UNSUPPORTED_FEATURE,
    AUTHENTICATION,
    INSUFFICIENT_CREDITS,
    RATE_LIMITED,
    CONTENT_REJECTED,
    TASK_FAILED,
    TASK_NOT_FOUND,
    TASK_ALREADY_ENDED,
    TIMED_OUT,
    OUTCOME_UNKNOWN,
    MALFORMED_RESPONSE,
    PROVIDER_UNAVAILABLE,
    NETWORK,
    OUTPUT_EXISTS,
    NO_VIDEO,
    INTERRUPTED,
    FAILED
  };

  private ErrorKinds() {}

  static String of(Throwable e) {
    if (e instanceof Waits.CommandInterruptedException) return INTERRUPTED;
    if (e instanceof OutputExistsException) return OUTPUT_EXISTS;
    if (e instanceof NoVideoException) return NO_VIDEO;
    if (e instanceof InvalidRequestException
        || e instanceof IllegalArgumentException
        || e instanceof CommandLine.ParameterException) {
      return INVALID_INPUT;
    }
    if (e instanceof UnsupportedFeatureException) return UNSUPPORTED_FEATURE;
    if (e instanceof AuthenticationException) return AUTHENTICATION;
    if (e instanceof InsufficientCreditsException) return INSUFFICIENT_CREDITS;
    if (e instanceof RateLimitedException) return RATE_LIMITED;
    if (e instanceof ContentRejectedException) return CONTENT_REJECTED;
    if (e instanceof TaskFailedException) return TASK_FAILED;
    if (e instanceof TaskNotFoundException) return TASK_NOT_FOUND;
    if (e instanceof TaskAlreadyEndedException) return TASK_ALREADY_ENDED;
    if (e instanceof TaskTimeoutException) return TIMED_OUT;
    if (e instanceof SubmitOutcomeUnknownException) return OUTCOME_UNKNOWN;
    if (e instanceof MalformedResponseException) return MALFORMED_RESPONSE;
    if (e instanceof ProviderUnavailableException) return PROVIDER_UNAVAILABLE;
    if (e instanceof TransportException) return NETWORK;
    return FAILED;
  }

  /**
   * The task succeeded but its video was not saved: the output file exists and --force was not
   * given.
   */
  static final class OutputExistsException extends IllegalStateException {
    OutputExistsException(String message) {
      super(message);
    }
  }

  /** {@code download} of a task that has no video (not succeeded, or not yet). */
  static final class NoVideoException extends IllegalStateException {
    NoVideoException(String message) {
      super(message);
    }
  }
}
