package io.github.pixverse4j.pixverse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * PixVerse callbacks (webhooks), per the platform's "Webhook integration" guide
 * (https://docs.platform.pixverse.ai/webhook-integration-1905378m0): a webhook made in the PixVerse
 * console has an id, which every submit carries as {@code webhook_id}, and a secret key, with which
 * PixVerse signs each callback. Give both to {@link PixVerse.Builder#webhook(PixVerseWebhook)}.
 *
 * <p>A callback is accepted only when its {@code Webhook-Signature} (Base64 HMAC-SHA256 over {@code
 * Webhook-Timestamp}, {@code Webhook-Nonce} and the body's fields) matches, compared in constant
 * time, its timestamp is within {@link #tolerance()} of the client's clock, and its nonce was not
 * seen before within that window. {@code toString()} never shows the secret.
 */
public final class PixVerseWebhook {
  /**
   * The documented forms of a callback's signature, all of which are accepted: PixVerse's samples
   * disagree on the key order of the signed fields and on the URL encoder (see docs/webhooks.md).
   * The form a callback matched is {@code WebhookEvent.variant()}, as this constant's {@link
   * #name()}; the simulator signs with the form given to {@code PixVerseSimulator.callbacksTo}.
   */
  public enum SignatureForm {
    /** The Python sample: the body's key order, {@code urllib.parse.urlencode}. */
    BODY_ORDER_URLLIB,
    /** The body's key order with {@code java.net.URLEncoder}. */
    BODY_ORDER_URLENCODER,
    /** The Go sample: sorted keys, {@code url.Values.Encode} (as urllib on these characters). */
    SORTED_URLLIB,
    /** The Java sample: sorted keys, {@code java.net.URLEncoder}. */
    SORTED_URLENCODER
  }

  /** How far a callback's timestamp may be from the client's clock by default: 5 minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final String webhookId;
  private final byte[] secret;
  private final Duration tolerance;

  private PixVerseWebhook(String webhookId, byte[] secret, Duration tolerance) {
    this.webhookId = webhookId;
    this.secret = secret;
    this.tolerance = tolerance;
  }

  /**
   * A webhook of the PixVerse console.
   *
   * @param webhookId its id, sent as {@code webhook_id} with every submit
   * @param secretKey its secret key, which signs the callbacks
   * @throws IllegalArgumentException when either is blank
   */
  public static PixVerseWebhook of(String webhookId, String secretKey) {
    if (webhookId == null) throw new NullPointerException("webhookId == null");
    if (secretKey == null) throw new NullPointerException("secretKey == null");
    if (webhookId.trim().isEmpty()) throw new IllegalArgumentException("webhookId is blank");
    if (secretKey.trim().isEmpty()) throw new IllegalArgumentException("secretKey is blank");
    return new PixVerseWebhook(
        webhookId.trim(), secretKey.getBytes(StandardCharsets.UTF_8), DEFAULT_TOLERANCE);
  }

  /**
   * The same webhook with another timestamp tolerance: how far a callback's {@code
   * Webhook-Timestamp} may be from the client's clock (either way), and how long nonces are
   * remembered against replays.
   *
   * @throws IllegalArgumentException unless {@code tolerance} is positive and at most an hour
   */
  public PixVerseWebhook tolerance(Duration tolerance) {
    if (tolerance == null) throw new NullPointerException("tolerance == null");
    if (tolerance.isNegative()
        || tolerance.isZero()
        || tolerance.compareTo(Duration.ofHours(1)) > 0)
      throw new IllegalArgumentException(
          "tolerance must be positive and at most 1 h: " + tolerance);
    return new PixVerseWebhook(webhookId, secret, tolerance);
  }

  /** The console's webhook id, sent as {@code webhook_id}. */
  public String webhookId() {
    return webhookId;
  }

  /** The timestamp tolerance; default {@link #DEFAULT_TOLERANCE}. */
  public Duration tolerance() {
    return tolerance;
  }

  byte[] secret() {
    return secret.clone();
  }

  @Override
  public String toString() {
    return "PixVerseWebhook{" + webhookId + ", secret=***, tolerance=" + tolerance + "}";
  }
}
