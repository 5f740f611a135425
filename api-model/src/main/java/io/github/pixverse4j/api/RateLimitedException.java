package io.github.pixverse4j.api;

import java.time.Duration;
import java.util.Optional;

/** The provider asked us to slow down (HTTP 429 or its own rate-limit code). */
public class RateLimitedException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(String message, ErrorDetails details, Duration retryAfter) {
    super(message, details, null);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked us to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
