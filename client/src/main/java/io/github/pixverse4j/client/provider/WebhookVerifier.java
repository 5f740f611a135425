package io.github.pixverse4j.client.provider;

import io.github.pixverse4j.client.webhook.WebhookEvent;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import java.util.Optional;

/**
 * A provider's side of callbacks (the SPI beside {@code VideoProvider#webhooks()}): how callbacks
 * are authenticated and what they say. The engine ({@code VideoClient.webhookHandler()}) does the
 * rest: duplicates, ending streams, the journal, the answer.
 *
 * <p>{@link #verify} must check authenticity before it reads anything else, compare secrets in
 * constant time ({@link java.security.MessageDigest#isEqual}), and change no state of its own for a
 * request it refuses (a nonce is remembered only once its signature is valid).
 */
public interface WebhookVerifier {
  /**
   * Verifies and parses one callback.
   *
   * @param nowMillis the current time of the client's scheduler, for timestamp checks
   * @return the event, or empty for an authentic callback that carries no task status (another
   *     event type): it is acknowledged and ignored
   * @throws WebhookRejectedException when the callback is not authentic or cannot be read
   */
  Optional<WebhookEvent> verify(WebhookRequest request, long nowMillis);

  /** The body of the success answer; the status is 200. Default {@code ok} (PixVerse's). */
  default String acknowledgement() {
    return "ok";
  }
}
