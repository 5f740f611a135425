package io.github.pixverse4j.pixverse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.RecentKeys;
import io.github.pixverse4j.client.provider.WebhookRejectedException;
import io.github.pixverse4j.client.provider.WebhookVerifier;
import io.github.pixverse4j.client.webhook.WebhookEvent;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.github.pixverse4j.pixverse.internal.PixVerseMapping;
import io.github.pixverse4j.pixverse.internal.PixVerseSignature;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies and reads PixVerse's callbacks (see {@link PixVerseWebhook}): signature in every
 * documented form ({@link PixVerseWebhook.SignatureForm}), timestamp within the tolerance, nonce
 * not replayed; then the body {@code {id, status, url, size, has_audio, credits}} with the status
 * codes of the result endpoint ({@link PixVerseMapping#toStatus}).
 */
final class PixVerseCallbacks implements WebhookVerifier {
  private static final Logger LOG = Logger.getLogger(PixVerseCallbacks.class.getName());

  /** Most nonces remembered at once (a nonce is kept for twice the tolerance). */
  static final int NONCES = 100_000;

  private final ProviderAnswers answers;
  private final Model model;
  private final byte[] secret;
  private final long toleranceMillis;
  private final RecentKeys nonces;

  PixVerseCallbacks(ProviderAnswers answers, Model model, PixVerseWebhook webhook) {
    this.answers = answers;
    this.model = model;
    this.secret = webhook.secret();
    this.toleranceMillis = webhook.tolerance().toMillis();
    this.nonces = new RecentKeys(NONCES, 2 * toleranceMillis);
  }

  @Override
  public Optional<WebhookEvent> verify(WebhookRequest request, long nowMillis) {
    String timestamp = request.header("Webhook-Timestamp").orElse("").trim();
    String nonce = request.header("Webhook-Nonce").orElse("").trim();
    String signature = request.header("Webhook-Signature").orElse("").trim();
    if (timestamp.isEmpty() || nonce.isEmpty() || signature.isEmpty()) {
      throw WebhookRejectedException.unauthorized("missing signature headers");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw WebhookRejectedException.unauthorized("invalid timestamp");
    }
    if (Math.abs(nowMillis / 1000 - seconds) * 1000 > toleranceMillis) {
      throw WebhookRejectedException.unauthorized("timestamp outside tolerance");
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw WebhookRejectedException.unauthorized("invalid signature");
    }
    List<Map.Entry<String, String>> pairs;
    try {
      pairs = PixVerseSignature.pairs(request.body());
    } catch (IOException e) {
      // Nothing about the body is known to be PixVerse's yet: refused as unsigned.
      throw WebhookRejectedException.unauthorized("invalid signature");
    }
    PixVerseWebhook.SignatureForm matched = null;
    for (PixVerseWebhook.SignatureForm v : PixVerseWebhook.SignatureForm.values()) {
      byte[] expected =
          PixVerseSignature.hmac(secret, PixVerseSignature.signString(timestamp, nonce, pairs, v));
      // Every variant is computed and compared in constant time; which one matched is not secret.
      if (MessageDigest.isEqual(expected, given) && matched == null) matched = v;
    }
    if (matched == null) throw WebhookRejectedException.unauthorized("invalid signature");
    // Only an authentic callback's nonce is remembered: forged ones cannot fill the cache.
    if (!nonces.add(nonce, nowMillis)) {
      throw WebhookRejectedException.unauthorized("replayed nonce");
    }
    return read(request.body(), matched);
  }

  private Optional<WebhookEvent> read(byte[] body, PixVerseWebhook.SignatureForm variant) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw WebhookRejectedException.malformed("unreadable body");
    }
    JsonNode id = json.get("id");
    JsonNode status = json.get("status");
    if (id == null || !(id.isTextual() || id.isIntegralNumber()) || status == null) {
      throw WebhookRejectedException.malformed("no id or status");
    }
    if (!status.isInt()) throw WebhookRejectedException.malformed("status is not a number");
    String taskId = id.asText();
    TaskHandle handle;
    try {
      handle = answers.handle(model.name(), taskId, "id");
    } catch (MalformedResponseException e) {
      throw WebhookRejectedException.malformed("unusable id");
    }
    int code = status.asInt();
    String key = taskId + ":" + code;
    String form = variant.name();
    JsonNode url = json.get("url");
    String videoUrl = url != null && url.isTextual() ? url.asText().trim() : "";
    if (code == 1 && videoUrl.isEmpty()) {
      return Optional.of(WebhookEvent.succeededWithoutVideo(key, handle, form));
    }
    TaskStatus s;
    try {
      s =
          PixVerseMapping.callbackStatus(
              answers, handle, code, videoUrl.isEmpty() ? null : videoUrl);
    } catch (MalformedResponseException e) {
      // A success whose url is unusable: the engine reads the status for the video. A status
      // this version does not know: acknowledged (PixVerse would resend it for hours) and left to
      // polling, which reports it.
      if (code == 1) return Optional.of(WebhookEvent.succeededWithoutVideo(key, handle, form));
      LOG.log(Level.WARNING, "Ignored a PixVerse callback for {0}: {1}", new Object[] {taskId, e});
      return Optional.empty();
    }
    return Optional.of(WebhookEvent.of(key, s, form));
  }
}
