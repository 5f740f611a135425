package io.github.pixverse4j.client.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/** Parses the HTTP {@code Retry-After} header (RFC 9110 §10.2.3). */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * How long the server asked us to wait: delta-seconds ({@code "120"}) or an HTTP-date ({@code
   * "Wed, 21 Oct 2015 07:28:00 GMT"}), measured against {@code clock}. A date in the past gives
   * {@link Duration#ZERO}; a missing, negative or unreadable value gives empty.
   */
  public static Optional<Duration> parse(String headerValue, Clock clock) {
    if (clock == null) throw new NullPointerException("clock == null");
    return parse(headerValue, null, clock);
  }

  /**
   * The wait an answer's headers ask for. An HTTP-date {@code Retry-After} is measured against the
   * answer's own {@code Date} header when it has a readable one (RFC 9110 §10.2.3 counts the date
   * from when the answer was generated): the server's clock, not ours, so a skewed local clock
   * neither stretches nor shortens the wait. Without a {@code Date}, {@code clock} is used.
   *
   * @param headers the answer's headers; may be {@code null}
   */
  public static Optional<Duration> fromHeaders(Headers headers, Clock clock) {
    if (clock == null) throw new NullPointerException("clock == null");
    if (headers == null) return Optional.empty();
    return parse(headers.get("Retry-After"), headers.get("Date"), clock);
  }

  private static Optional<Duration> parse(String headerValue, String dateHeader, Clock clock) {
    if (headerValue == null) return Optional.empty();
    String v = headerValue.trim();
    if (v.isEmpty()) return Optional.empty();
    if (isDigits(v)) {
      // Strip leading zeros before the length check so "0000000000000000000005" still parses.
      String digits = v.replaceFirst("^0+(?=.)", "");
      if (digits.length() > 12) return Optional.empty(); // > 30,000 years: not a real answer
      return Optional.of(Duration.ofSeconds(Long.parseLong(digits)));
    }
    Optional<Instant> at = httpDate(v);
    if (!at.isPresent()) return Optional.empty();
    Instant now =
        dateHeader == null ? clock.instant() : httpDate(dateHeader.trim()).orElse(clock.instant());
    Duration d = Duration.between(now, at.get());
    return Optional.of(d.isNegative() ? Duration.ZERO : d);
  }

  private static Optional<Instant> httpDate(String v) {
    try {
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean isDigits(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }
}
