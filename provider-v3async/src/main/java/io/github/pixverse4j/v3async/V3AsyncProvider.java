package io.github.pixverse4j.v3async;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.client.NoJobCreated;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.v3async.internal.V3AsyncApi;
import io.github.pixverse4j.v3async.internal.V3AsyncSubmitResponse;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The {@link VideoProvider} of the v3 async task API for one host and one {@link V3AsyncModel}.
 * There is no cancel endpoint: {@link ProviderCapabilities#supportsCancel()} is false.
 */
public final class V3AsyncProvider implements VideoProvider {
  private final String id;
  private final V3AsyncModel model;
  private final ProviderCapabilities capabilities;
  private final V3AsyncApi api;
  private final ApiKey key;
  private final Scheduler clock;

  V3AsyncProvider(String id, V3AsyncModel model, V3AsyncApi api, ApiKey key, Scheduler clock) {
    if (id == null) throw new NullPointerException("id == null");
    if (model == null) throw new NullPointerException("model == null");
    if (api == null) throw new NullPointerException("api == null");
    if (key == null) throw new NullPointerException("key == null");
    if (clock == null) throw new NullPointerException("clock == null");
    this.id = id;
    this.model = model;
    this.capabilities = model.capabilities(id);
    this.api = api;
    this.key = key;
    this.clock = clock;
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
    return Single.defer(() -> api.submit(model.path(), V3AsyncRequests.submitBody(model, request)))
        .compose(HttpErrors.<V3AsyncSubmitResponse>mapErrors(id, V3AsyncErrors.mapper(id, key), key))
        .onErrorResumeNext(e -> Single.error(V3AsyncErrors.createdNothing(e) ? new NoJobCreated((VideoApiException) e) : e))
        .map(this::handleOf);
  }

  private TaskHandle handleOf(V3AsyncSubmitResponse response) {
    String taskId = response.taskId() == null ? "" : response.taskId().trim();
    if (taskId.isEmpty()) {
      // The task may exist all the same; the engine reports this as an unknown submit outcome.
      throw new MalformedResponseException(
          "Provider " + id + " accepted the submit but its answer has no task_id",
          ErrorDetails.provider(id));
    }
    try {
      return TaskHandle.of(id, model.path(), taskId);
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException(
          "Provider " + id + " answered a task_id this client cannot keep: " + e.getMessage(),
          ErrorDetails.provider(id), e);
    }
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(() -> api.taskResult(handle.taskId()))
        .compose(HttpErrors.mapErrors(id, V3AsyncErrors.mapper(id, key), key))
        .map(body -> V3AsyncStatuses.toStatus(id, handle, body, now(), key));
  }

  /** Always fails without a request: the v3 async API has no cancel endpoint. */
  @Override
  public Completable cancel(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Completable.error(() -> new UnsupportedFeatureException(
        id + " has no cancel operation; the task runs to its end (nothing was sent).",
        ErrorDetails.provider(id)).attachHandle(handle));
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS));
  }

  @Override
  public String toString() {
    return "V3AsyncProvider{" + id + ", " + model.path() + "}";
  }
}
