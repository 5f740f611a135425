package io.github.pixverse4j.client.webhook;

/**
 * What to answer a callback: an HTTP status and a short plain-text body. Never holds a key, a
 * secret or what the request carried.
 */
public final class WebhookResponse {
  /** The content type of every body: {@value}. */
  public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

  private final int status;
  private final String body;

  private WebhookResponse(int status, String body) {
    this.status = status;
    this.body = body;
  }

  /**
   * An answer.
   *
   * @param status an HTTP status, 100 to 599
   * @param body plain text
   */
  public static WebhookResponse of(int status, String body) {
    if (status < 100 || status > 599) throw new IllegalArgumentException("status " + status);
    if (body == null) throw new NullPointerException("body == null");
    return new WebhookResponse(status, body);
  }

  /** The HTTP status: 200 for a callback accepted (or a duplicate), 4xx for one refused. */
  public int status() {
    return status;
  }

  /**
   * The body, plain text: on success what the provider expects (PixVerse: exactly {@code ok}), else
   * a few words on why the callback was refused.
   */
  public String body() {
    return body;
  }

  /** {@link #CONTENT_TYPE}. */
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
