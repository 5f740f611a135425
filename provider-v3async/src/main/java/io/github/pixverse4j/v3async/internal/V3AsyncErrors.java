package io.github.pixverse4j.v3async.internal;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.api.internal.DurationText;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.client.provider.ErrorAnswer;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.function.Function;
import okhttp3.Headers;
import retrofit2.HttpException;

/**
 * Maps the error envelope {@code {code, reason, message, metadata}} to exceptions: by {@code
 * reason} first (the same reason comes with different HTTP statuses across hosts, and {@code
 * BILLING_BALANCE_NOT_ENOUGH} is a 400), then by HTTP status through {@link HttpErrors}.
 */
public final class V3AsyncErrors {
  private V3AsyncErrors() {}

  /** The mapper of every call's non-2xx answer, for {@code ErrorMappingCallAdapterFactory}. */
  public static Function<HttpException, VideoApiException> mapper(String providerId, ApiKey key) {
    return e -> fromHttpException(providerId, e, key);
  }

  public static VideoApiException fromHttpException(
      String providerId, HttpException e, ApiKey key) {
    String raw = HttpErrors.errorBody(e);
    V3AsyncErrorBody body = parse(raw);
    Headers headers = ProviderAnswers.headers(e);
    String reason = body == null ? null : blankToNull(body.reason());
    String message = body == null ? null : blankToNull(body.message());
    return fromResponse(providerId, e.code(), headers, raw, reason, message, key);
  }

  public static VideoApiException fromResponse(
      String providerId,
      int httpStatus,
      Headers headers,
      String rawBody,
      String reason,
      String message,
      ApiKey key) {
    if (reason == null) {
      return HttpErrors.fromResponse(providerId, httpStatus, headers, rawBody, null, message, key);
    }
    ErrorAnswer answer =
        ErrorAnswer.of(providerId, httpStatus, key).withCode(reason).withWords(message);
    String code = answer.code();
    ErrorDetails details = answer.details();
    String suffix = answer.saidSuffix();
    String p = "Provider " + providerId;
    String upper = reason.trim().toUpperCase(Locale.ROOT);
    switch (upper) {
      case "BILLING_BALANCE_NOT_ENOUGH":
        return new InsufficientCreditsException(
            p
                + " says the account balance is too low for this job ("
                + code
                + "): top up the account or choose a cheaper setting"
                + suffix,
            details);
      case "INVALID_API_KEY":
        return new AuthenticationException(
            p
                + " did not accept the API key ("
                + code
                + "): check that the key is correct,"
                + " complete and still active"
                + suffix,
            details);
      case "MISSING_API_KEY":
        return new AuthenticationException(
            p + " received no API key (" + code + "): set the key on the builder" + suffix,
            details);
      case "RATE_LIMIT_EXCEEDED":
        Duration wait = retryAfter(headers);
        return new RateLimitedException(
            p
                + " is rate-limiting this account ("
                + code
                + "): slow down"
                + (wait == null
                    ? ""
                    : " (it asked to wait " + DurationText.ofSeconds(wait.getSeconds()) + ")")
                + suffix,
            details,
            wait);
      case "TASK_NOT_FOUND":
        return new TaskNotFoundException(
            p
                + " does not know this task ("
                + code
                + "): the id may be wrong, belong to another"
                + " account or host, or have expired"
                + suffix,
            details);
      case "ILLEGAL_PROMPT":
      case "ILLEGAL_IMAGE_CONTENT":
        return new ContentRejectedException(
            p
                + " refused the "
                + (upper.equals("ILLEGAL_PROMPT") ? "prompt" : "image")
                + " on content-moderation grounds ("
                + code
                + "): change it and submit again"
                + suffix,
            details);
      case "CREATE_TASK_FAILED":
      case "GET_RESULT_FAILED":
        return new ProviderUnavailableException(
            p
                + " failed internally ("
                + code
                + ", HTTP "
                + httpStatus
                + "): try again later"
                + suffix,
            details);
      default:
        if (isInputProblem(upper)) {
          return new InvalidRequestException(
              p + " rejected the request (" + code + ", HTTP " + httpStatus + ")" + suffix,
              Collections.emptyList(),
              details);
        }
        return HttpErrors.fromResponse(
            providerId, httpStatus, headers, rawBody, reason, message, key);
    }
  }

  // INVALID_REQUEST_BODY, INVALID_IMAGE_FORMAT, IMAGE_FILE_EXCEEDS_MAX_SIZE and their siblings.
  private static boolean isInputProblem(String reason) {
    return reason.startsWith("INVALID_")
        || reason.startsWith("IMAGE_")
        || reason.contains("_IMAGE_");
  }

  private static Duration retryAfter(Headers headers) {
    return ProviderAnswers.retryAfter(headers);
  }

  private static V3AsyncErrorBody parse(String raw) {
    if (raw == null || raw.trim().isEmpty() || raw.trim().charAt(0) != '{') return null;
    return ProviderAnswers.read(raw, V3AsyncErrorBody.class);
  }

  private static String blankToNull(String s) {
    return s == null || s.trim().isEmpty() ? null : s;
  }

  /**
   * Whether a submit failure is documented to have created no task: {@code CREATE_TASK_FAILED}
   * ("failed to create task", HTTP 500 in Novita's error code table).
   */
  public static boolean createdNothing(Throwable e) {
    return e instanceof VideoApiException
        && ((VideoApiException) e)
            .providerCode()
            .map(c -> c.trim().toUpperCase(Locale.ROOT))
            .map("CREATE_TASK_FAILED"::equals)
            .orElse(false);
  }
}
