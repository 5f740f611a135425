package io.github.pixverse4j.gmi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.client.provider.ErrorAnswer;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import java.util.function.Function;
import okhttp3.Headers;
import retrofit2.HttpException;

/**
 * Maps GMI's non-2xx answers. GMI does not document its error body; JSON with {@code error} (a
 * string or {@code {message, code}}), {@code message} or {@code detail}, and plain text, are all
 * read. Beyond the shared status table: a 400/422 that names content moderation is a {@link
 * ContentRejectedException}, and a 400 about the balance an {@link InsufficientCreditsException}.
 */
public final class GmiErrors {
  private GmiErrors() {}

  /** The mapper of every call's non-2xx answer, for {@code ErrorMappingCallAdapterFactory}. */
  public static Function<HttpException, VideoApiException> mapper(ApiKey keyToScrub) {
    return e -> fromHttpException(e, keyToScrub);
  }

  static VideoApiException fromHttpException(HttpException e, ApiKey key) {
    String body = HttpErrors.errorBody(e);
    String message = null;
    String code = null;
    JsonNode json = ProviderAnswers.json(body);
    if (json != null && json.isObject()) {
      JsonNode error = json.get("error");
      message = GmiMapping.errorText(error);
      if (message == null) message = GmiMapping.errorText(json);
      code = GmiMapping.errorCode(error);
      if (code == null) code = GmiMapping.errorCode(json);
    } else if (json != null && json.isTextual()) {
      message = GmiMapping.errorText(json);
    }
    int status = e.code();
    Headers headers = ProviderAnswers.headers(e);
    String snippet = HttpErrors.snippet(body, key);
    ErrorAnswer answer =
        ErrorAnswer.of(GmiMapping.PROVIDER_ID, status, key).withCode(code).withWords(message, body);
    String suffix = answer.saidSuffix();
    ErrorDetails details = answer.details();

    if ((status == 400 || status == 422) && GmiMapping.mentionsModeration(message, code)) {
      return new ContentRejectedException(
          "GMI refused the prompt or image on content grounds (HTTP "
              + status
              + "): change them"
              + " and submit again"
              + suffix,
          details);
    }
    if (HttpErrors.saysCannotPay(message, code)) {
      return new InsufficientCreditsException(
          "GMI says the account cannot pay for this request (HTTP "
              + status
              + "): top up the GMI account or"
              + " choose a cheaper setting"
              + suffix,
          details);
    }
    return HttpErrors.fromResponse(
        GmiMapping.PROVIDER_ID, status, headers, snippet, code, message, key);
  }
}
