package io.github.pixverse4j.v3async;

import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.provider.NoJobCreatedException;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.WebhookVerifier;
import io.github.pixverse4j.v3async.internal.V3AsyncApi;
import io.github.pixverse4j.v3async.internal.V3AsyncErrors;
import io.github.pixverse4j.v3async.internal.V3AsyncMapping;
import io.reactivex.rxjava3.core.Single;
import java.util.Optional;

/**
 * The {@link VideoProvider} of the v3 async task API for one host and one {@link V3AsyncModel}.
 * There is no cancel endpoint: {@link ProviderCapabilities#supportsCancel()} is false, and the
 * default {@link VideoProvider#cancel} reports it.
 */
public final class V3AsyncProvider implements VideoProvider {
  private final String id;
  private final V3AsyncModel model;
  private final ProviderCapabilities capabilities;
  private final V3AsyncApi api;
  private final ProviderAnswers answers;
  private final V3AsyncWebhook webhook;
  private final Optional<WebhookVerifier> callbacks;

  /** {@code api} maps its own errors ({@link V3AsyncModule} builds it so). */
  V3AsyncProvider(V3AsyncModel model, V3AsyncApi api, ProviderAnswers answers) {
    this(model, api, answers, null);
  }

  /** With {@code webhook} (or null): every submit asks for a callback, which this verifies. */
  V3AsyncProvider(
      V3AsyncModel model, V3AsyncApi api, ProviderAnswers answers, V3AsyncWebhook webhook) {
    if (model == null) throw new NullPointerException("model == null");
    if (api == null) throw new NullPointerException("api == null");
    if (answers == null) throw new NullPointerException("answers == null");
    this.id = answers.providerId();
    this.model = model;
    this.capabilities = model.capabilities(id);
    this.api = api;
    this.answers = answers;
    this.webhook = webhook;
    this.callbacks =
        webhook == null
            ? Optional.<WebhookVerifier>empty()
            : Optional.<WebhookVerifier>of(new V3AsyncCallbacks(answers, model, webhook));
  }

  /**
   * Present when the client was built with {@link V3Async.Builder#webhook}: every submit carries
   * {@code extra.webhook.url} with the token, and this checks the token of each callback.
   */
  @Override
  public Optional<WebhookVerifier> webhooks() {
    return callbacks;
  }

  @Override
  public String id() {
    return id;
  }

  /** The model every submit goes to. */
  public V3AsyncModel model() {
    return model;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return Single.defer(
            () ->
                api.submit(
                    model.path(),
                    V3AsyncMapping.submitBody(
                        model, request, webhook == null ? null : webhook.callbackUrl())))
        .onErrorResumeNext(
            e ->
                Single.error(
                    V3AsyncErrors.createdNothing(e)
                        ? new NoJobCreatedException((VideoApiException) e)
                        : e))
        .map(response -> V3AsyncMapping.toHandle(answers, model, response));
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(() -> api.taskResult(handle.taskId()))
        .map(body -> V3AsyncMapping.toStatus(answers, handle, body));
  }

  @Override
  public String toString() {
    return "V3AsyncProvider{" + id + ", " + model.path() + "}";
  }
}
