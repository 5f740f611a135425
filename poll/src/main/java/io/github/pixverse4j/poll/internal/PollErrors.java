package io.github.pixverse4j.poll.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.client.provider.ErrorAnswer;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.poll.PollProtocol;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import retrofit2.HttpException;

/**
 * Maps a poll protocol's non-2xx answers: the message and code at the protocol's pointers, a 4xx
 * content-policy refusal to {@link ContentRejectedException}, everything else to the shared table
 * of {@link HttpErrors#fromResponse}.
 */
public final class PollErrors {
  private final PollProtocol protocol;
  private final @Nullable ApiKey key;

  public PollErrors(PollProtocol protocol, @Nullable ApiKey keyToScrub) {
    if (protocol == null) throw new NullPointerException("protocol == null");
    this.protocol = protocol;
    this.key = keyToScrub;
  }

  /** The exception of one non-2xx answer. */
  public VideoApiException forCall(HttpException e) {
    String body = HttpErrors.errorBody(e);
    JsonNode json = ProviderAnswers.json(body);
    String message = text(json, protocol.errorMessageField());
    String code = text(json, protocol.errorCodeField());
    if (e.code() >= 400 && e.code() < 500 && (isModeration(code) || isModeration(message))) {
      ErrorAnswer answer =
          ErrorAnswer.of(protocol.providerId(), e.code(), key)
              .withCode(code)
              .withWords(message, body);
      return new ContentRejectedException(
          "Provider "
              + protocol.providerId()
              + " refused the prompt or image on content-policy grounds (HTTP "
              + e.code()
              + "): change the input"
              + answer.saidSuffix(),
          answer.details());
    }
    return HttpErrors.fromResponse(
        protocol.providerId(),
        e.code(),
        ProviderAnswers.headers(e),
        HttpErrors.snippet(body, key),
        code,
        message,
        key);
  }

  /**
   * Whether a code or message names a content-policy refusal ({@code content_policy}, {@code
   * moderation}, {@code nsfw}), the words fal-style and prediction APIs use.
   */
  static boolean isModeration(@Nullable String text) {
    if (text == null) return false;
    String t = text.toLowerCase(Locale.ROOT);
    return t.contains("content_policy")
        || t.contains("content policy")
        || t.contains("moderation")
        || t.contains("nsfw");
  }

  /**
   * The text at {@code pointer} (a number as its text), or null when absent, null or a container.
   */
  static @Nullable String text(@Nullable JsonNode tree, @Nullable String pointer) {
    if (tree == null || pointer == null) return null;
    JsonNode n = tree.at(pointer);
    if (n.isMissingNode() || n.isNull() || !n.isValueNode()) return null;
    String s = n.asText().trim();
    return s.isEmpty() ? null : s;
  }
}
