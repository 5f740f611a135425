package io.github.pixverse4j.client.provider;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;

/**
 * What one error answer of a provider said, made safe for messages: its HTTP status, its own error
 * code and its own words, each scrubbed of the API key and cut with {@link HttpErrors#snippet}.
 * Every exception built from a provider's error answer takes its {@link #details()} and ends its
 * message with {@link #saidSuffix()} ({@code ". Provider said: …"}), so the provider's words always
 * come last, after the same marker, whichever provider or mapping built the exception. Immutable.
 *
 * <pre>{@code
 * ErrorAnswer answer = ErrorAnswer.of("gmi", 400, key).withCode(code).withWords(message, body);
 * return new ContentRejectedException(
 *     "GMI refused the prompt (HTTP 400): change it" + answer.saidSuffix(), answer.details());
 * }</pre>
 */
public final class ErrorAnswer {
  private final String providerId;
  private final int httpStatus;
  private final ApiKey key;
  private final String code;
  private final String words;

  private ErrorAnswer(String providerId, int httpStatus, ApiKey key, String code, String words) {
    this.providerId = providerId;
    this.httpStatus = httpStatus;
    this.key = key;
    this.code = code;
    this.words = words;
  }

  /**
   * An answer with neither code nor words yet.
   *
   * @param httpStatus the answer's HTTP status, recorded in {@link #details()} as it is (a failure
   *     reported inside a 200 answer passes 200)
   * @param keyToScrub removed from the code and the words; may be {@code null}
   */
  public static ErrorAnswer of(String providerId, int httpStatus, ApiKey keyToScrub) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    return new ErrorAnswer(providerId, httpStatus, keyToScrub, null, "");
  }

  /** This answer with the provider's own error code; {@code null} (or blank) for none. */
  public ErrorAnswer withCode(String providerCode) {
    String c = HttpErrors.snippet(providerCode, key);
    return new ErrorAnswer(providerId, httpStatus, key, c.isEmpty() ? null : c, words);
  }

  /**
   * This answer with the provider's words: the first of {@code candidates} that is not empty once
   * made safe (typically the message of its error body, then the body itself). {@code null}
   * candidates are skipped; none at all means the provider said nothing.
   */
  public ErrorAnswer withWords(String... candidates) {
    String said = "";
    for (String candidate : candidates) {
      said = HttpErrors.snippet(candidate, key);
      if (!said.isEmpty()) break;
    }
    return new ErrorAnswer(providerId, httpStatus, key, code, said);
  }

  public String providerId() {
    return providerId;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The provider's error code, scrubbed, or {@code null}. */
  public String code() {
    return code;
  }

  /** The provider's words, scrubbed and cut, or {@code ""} when it said nothing. */
  public String words() {
    return words;
  }

  /** {@code ". Provider said: "} and the {@link #words()}, or {@code ""} when there are none. */
  public String saidSuffix() {
    return words.isEmpty() ? "" : ". Provider said: " + words;
  }

  /** The details of an exception built from this answer: provider, HTTP status and code. */
  public ErrorDetails details() {
    ErrorDetails d = ErrorDetails.provider(providerId).withHttpStatus(httpStatus);
    return code == null ? d : d.withProviderCode(code);
  }
}
