package io.github.pixverse4j.v3async;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.WebhookRejectedException;
import io.github.pixverse4j.client.provider.WebhookVerifier;
import io.github.pixverse4j.client.webhook.WebhookEvent;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.github.pixverse4j.v3async.internal.V3AsyncMapping;
import io.github.pixverse4j.v3async.internal.V3AsyncStatusResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Verifies and reads a v3 async host's {@code ASYNC_TASK_RESULT} callback (see {@link
 * V3AsyncWebhook}): the URL's token, compared in constant time, then the payload, which is the task
 * result answer and is read by the same mapping.
 */
final class V3AsyncCallbacks implements WebhookVerifier {
  static final String EVENT_TYPE = "ASYNC_TASK_RESULT";

  private final ProviderAnswers answers;
  private final V3AsyncModel model;
  private final byte[] token;

  V3AsyncCallbacks(ProviderAnswers answers, V3AsyncModel model, V3AsyncWebhook webhook) {
    this.answers = answers;
    this.model = model;
    this.token = webhook.tokenBytes();
  }

  @Override
  public Optional<WebhookEvent> verify(WebhookRequest request, long nowMillis) {
    Optional<String> given = request.queryParameter(V3AsyncWebhook.TOKEN_PARAMETER);
    if (!given.isPresent()) throw WebhookRejectedException.unauthorized("missing token");
    if (!MessageDigest.isEqual(token, given.get().getBytes(StandardCharsets.UTF_8))) {
      throw WebhookRejectedException.unauthorized("invalid token");
    }
    JsonNode json;
    try {
      json = Json.mapper().readTree(request.body());
    } catch (IOException e) {
      throw WebhookRejectedException.malformed("unreadable body");
    }
    if (json == null || !json.isObject()) throw WebhookRejectedException.malformed("not an object");
    // The page asks receivers to ignore every other event type.
    if (!EVENT_TYPE.equals(json.path("event_type").asText())) return Optional.empty();
    V3AsyncStatusResponse payload;
    try {
      payload = Json.mapper().treeToValue(json.path("payload"), V3AsyncStatusResponse.class);
    } catch (IOException | IllegalArgumentException e) {
      throw WebhookRejectedException.malformed("unreadable payload");
    }
    if (payload == null || payload.task() == null || payload.task().taskId() == null) {
      throw WebhookRejectedException.malformed("no task id");
    }
    String taskId = payload.task().taskId();
    try {
      TaskHandle handle = answers.handle(model.path(), taskId, "task_id");
      TaskStatus s = V3AsyncMapping.toStatus(answers, handle, payload);
      return Optional.of(WebhookEvent.of(taskId + ":" + s.rawStatus().orElse(""), s, null));
    } catch (MalformedResponseException e) {
      // A success without a usable video: the engine reads the task result for it.
      if (V3AsyncMapping.SUCCEED.equals(payload.task().status())) {
        return Optional.of(
            WebhookEvent.succeededWithoutVideo(
                taskId + ":" + V3AsyncMapping.SUCCEED,
                answers.handle(model.path(), taskId, "task_id"),
                null));
      }
      throw WebhookRejectedException.malformed("unreadable task result");
    }
  }
}
