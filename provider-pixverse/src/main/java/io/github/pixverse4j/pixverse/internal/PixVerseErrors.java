package io.github.pixverse4j.pixverse.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.client.provider.ErrorAnswer;
import io.github.pixverse4j.client.provider.NoJobCreatedException;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.pixverse.PixVerse;
import java.time.Duration;
import java.util.Collections;
import okhttp3.Headers;
import retrofit2.HttpException;

/** Maps PixVerse's {@code ErrCode} envelope and HTTP failures to the api-model exceptions. */
public final class PixVerseErrors {
  public static final long EMPTY_PARAMETER = 400011;
  public static final long INVALID_ACCOUNT = 400012;
  public static final long INVALID_PARAMETER = 400017;

  /** A parameter of the wrong type or value (seen on extend). */
  public static final long INVALID_VALUE = 400013;

  public static final long CONCURRENCY_LIMIT = 500044;
  public static final long IMAGE_MODERATED = 500052;

  private final ApiKey key;

  public PixVerseErrors(ApiKey key) {
    this.key = key;
  }

  /**
   * The exception for a nonzero {@code ErrCode}; {@code httpStatus} is the status it came with
   * (usually 200); {@code call} names the API call ("upload", "generate" or "result"), because a
   * parameter error means something different for each.
   */
  public VideoApiException fromCode(
      long code, String errMsg, int httpStatus, Headers headers, String call) {
    ErrorAnswer answer =
        ErrorAnswer.of(PixVerse.PROVIDER_ID, httpStatus, key)
            .withCode(Long.toString(code))
            .withWords(errMsg);
    ErrorDetails details = answer.details();
    String suffix = answer.saidSuffix();
    if (code == INVALID_PARAMETER
        && call.equals("extend")
        && errMsg != null
        && errMsg.toLowerCase(java.util.Locale.ROOT).contains("couldn't find")) {
      return new InvalidRequestException(
          "PixVerse could not find the source video (ErrCode 400017): the source task or uploaded"
              + " video does not exist in this account, or is not a finished video"
              + suffix,
          Collections.emptyList(),
          details);
    }
    if (code == EMPTY_PARAMETER || code == INVALID_PARAMETER || code == INVALID_VALUE) {
      return new InvalidRequestException(
          "PixVerse rejected the request (ErrCode "
              + code
              + ", "
              + (code == EMPTY_PARAMETER
                  ? "a required parameter is empty"
                  : code == INVALID_VALUE
                      ? "a parameter has the wrong type or value"
                      : "a parameter is invalid")
              + "): "
              + parameterAdvice(call)
              + suffix,
          Collections.emptyList(),
          details);
    }
    if (code == INVALID_ACCOUNT) {
      return new AuthenticationException(
          "PixVerse did not accept the API key (ErrCode 400012, invalid account): check that the"
              + " key is correct, complete and still active"
              + suffix,
          details);
    }
    if (code == CONCURRENCY_LIMIT) {
      Duration retryAfter = ProviderAnswers.retryAfter(headers);
      return new RateLimitedException(
          "PixVerse refused the job: the account runs as many generations at once as its plan"
              + " allows (ErrCode 500044); wait for one to finish"
              + suffix,
          details,
          retryAfter);
    }
    if (code == IMAGE_MODERATED) {
      return new ContentRejectedException(
          "PixVerse refused the image on content-moderation grounds (ErrCode 500052): use another"
              + " image"
              + suffix,
          details);
    }
    if (httpStatus < 200 || httpStatus > 299) {
      // An unknown code on an HTTP error keeps the HTTP meaning (503 retried, 401 auth, ...).
      return HttpErrors.fromResponse(
          PixVerse.PROVIDER_ID, httpStatus, headers, null, Long.toString(code), errMsg, key);
    }
    return new VideoApiException(
        "PixVerse refused the call with ErrCode "
            + code
            + ", which this client does not know"
            + suffix,
        details);
  }

  private static String parameterAdvice(String call) {
    switch (call) {
      case "result":
        // Only the task id goes into a result call: the prompt and image are long gone.
        return "in the status request, check that the task id is complete and comes from this"
            + " account";
      case "upload":
        return "check the image file";
      case "media upload":
        return "check the video (mp4, mov or webm, at most 50 MB, 30 s and 1920 px a side)";
      case "extend":
        return "check the source video and the prompt and settings";
      default:
        return "check the prompt, image and settings";
    }
  }

  /**
   * The mapper for non-2xx answers to {@code call}: the envelope's code when the body has one, else
   * the HTTP status.
   */
  public VideoApiException fromHttpException(HttpException e, String call) {
    String body = HttpErrors.errorBody(e);
    JsonNode tree = ProviderAnswers.json(body);
    if (tree != null && tree.isObject()) {
      JsonNode code = field(tree, "ErrCode", "err_code");
      if (code != null
          && (code.isIntegralNumber()
              || (code.isTextual() && PixVerseMapping.isId(code.asText())))) {
        long c = code.asLong();
        if (c != 0) {
          JsonNode msg = field(tree, "ErrMsg", "err_msg");
          Headers headers = ProviderAnswers.headers(e);
          return fromCode(
              c, msg == null || msg.isNull() ? null : msg.asText(), e.code(), headers, call);
        }
      }
    }
    return HttpErrors.fromHttpException(PixVerse.PROVIDER_ID, e, key);
  }

  private static JsonNode field(JsonNode tree, String name, String alias) {
    JsonNode n = tree.get(name);
    return n != null ? n : tree.get(alias);
  }

  /**
   * An upload failure as the engine must see it. No video job can exist before generate was sent,
   * so "the request may have reached the server" would wrongly make the engine report an unknown
   * submit outcome (a job may exist and be billed): an upload whose connection failed, or that a
   * gateway answered 502/504, is reported as not having created anything, which makes the whole
   * submit safe to resend (an orphan uploaded image costs nothing). An unreadable upload answer is
   * reported as a plain provider error for the same reason.
   */
  public static Throwable uploadFailure(Throwable e) {
    return uploadFailure(e, "image");
  }

  /** {@link #uploadFailure(Throwable)} of an upload of {@code what} ("image", "video"). */
  public static Throwable uploadFailure(Throwable e, String what) {
    if (e instanceof TransportException && ((TransportException) e).requestMayHaveReachedServer()) {
      TransportException t = (TransportException) e;
      return new TransportException(
          "The "
              + what
              + " upload to PixVerse failed: "
              + t.baseMessage()
              + ". No video job was created, so the submit is safe to send again",
          t.details(),
          t,
          false);
    }
    if (e instanceof ProviderUnavailableException) {
      ProviderUnavailableException p = (ProviderUnavailableException) e;
      int status = p.httpStatus().orElse(0);
      if (status == 500) {
        // An upload creates no video job: a 500 here is a plain failure, not an unknown outcome
        // (and, unlike a gateway's answer, it is not resent: the origin itself failed).
        return new NoJobCreatedException(p);
      }
      if (status == 502 || status == 504) {
        return new TransportException(
            "The "
                + what
                + " upload to PixVerse failed at a gateway (HTTP "
                + status
                + "): "
                + p.baseMessage()
                + ". No video job was created, so the submit is safe to send again",
            p.details(),
            p,
            false);
      }
    }
    if (e instanceof MalformedResponseException) {
      MalformedResponseException m = (MalformedResponseException) e;
      return new VideoApiException(
          "The "
              + what
              + " upload answer of PixVerse could not be read ("
              + m.baseMessage()
              + "). No video job was created.",
          m.details(),
          m);
    }
    return e;
  }
}
