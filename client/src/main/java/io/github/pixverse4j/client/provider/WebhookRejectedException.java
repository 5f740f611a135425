package io.github.pixverse4j.client.provider;

/**
 * A callback refused by a {@link WebhookVerifier}: not authentic (401), or unreadable (400). Its
 * message is the answer's body, so it says why in a few fixed words and never repeats what the
 * request carried or any secret.
 */
public final class WebhookRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  /**
   * @param httpStatus the answer's status: 401 for a missing or wrong signature or token, a stale
   *     timestamp or a replayed nonce; 400 for a body that cannot be read
   * @param reason a few fixed words, such as {@code "invalid signature"}
   */
  public WebhookRejectedException(int httpStatus, String reason) {
    super(reason);
    if (httpStatus < 400 || httpStatus > 499) throw new IllegalArgumentException("" + httpStatus);
    this.httpStatus = httpStatus;
  }

  /** 401 or 400. */
  public int httpStatus() {
    return httpStatus;
  }

  /** A 401: missing or wrong credentials. */
  public static WebhookRejectedException unauthorized(String reason) {
    return new WebhookRejectedException(401, reason);
  }

  /** A 400: an authentic request whose body cannot be read. */
  public static WebhookRejectedException malformed(String reason) {
    return new WebhookRejectedException(400, reason);
  }
}
