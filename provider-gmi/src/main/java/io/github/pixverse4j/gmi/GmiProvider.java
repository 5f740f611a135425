package io.github.pixverse4j.gmi;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.gmi.internal.GmiApi;
import io.github.pixverse4j.gmi.internal.GmiErrors;
import io.github.pixverse4j.gmi.internal.GmiMapping;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import retrofit2.HttpException;

/**
 * GMI Cloud's request queue for {@code pixverse-v6-i2v} as a {@link VideoProvider}; also lists the
 * models a key may use. Obtain one from {@link GmiCloud.Builder#buildProvider()}.
 */
public final class GmiProvider implements VideoProvider {
  /** The id in every handle of this provider. */
  public static final String ID = GmiMapping.PROVIDER_ID;

  /** GMI's model id for PixVerse V6 image-to-video. */
  public static final String MODEL = GmiMapping.MODEL;

  private final GmiApi api;
  private final ApiKey key;
  private final Scheduler scheduler;
  private final String organizationId;
  private final Function<HttpException, VideoApiException> errors;

  GmiProvider(GmiApi api, ApiKey key, Scheduler scheduler, String organizationId) {
    if (api == null) throw new NullPointerException("api == null");
    if (key == null) throw new NullPointerException("key == null");
    if (scheduler == null) throw new NullPointerException("scheduler == null");
    this.api = api;
    this.key = key;
    this.scheduler = scheduler;
    this.organizationId = organizationId;
    this.errors = GmiErrors.mapper(key);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return GmiMapping.CAPABILITIES;
  }

  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return Single.defer(() -> api.submit(organizationId, GmiMapping.submitBody(request)))
        .map(GmiMapping::toHandle)
        .compose(HttpErrors.mapErrors(ID, errors, key));
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(() -> api.status(organizationId, handle.taskId()))
        .map(response -> GmiMapping.toStatus(handle, response, now(), key))
        .compose(HttpErrors.mapErrors(ID, errors, key));
  }

  /** GMI has no cancel endpoint: fails at once, sending nothing. */
  @Override
  public Completable cancel(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Completable.error(() -> new UnsupportedFeatureException(
        "GMI Cloud has no cancel operation; the request runs to its end (nothing was sent).",
        ErrorDetails.provider(ID)).attachHandle(handle));
  }

  /**
   * The model ids this key may use ({@code GET /models}); a cheap check that the key works, as a
   * wrong key fails with {@link io.github.pixverse4j.api.AuthenticationException}. Not retried.
   */
  public Single<List<String>> listModels() {
    return Single.defer(() -> api.models(organizationId))
        .map(GmiMapping::modelIds)
        .compose(HttpErrors.mapErrors(ID, errors, key));
  }

  private Instant now() {
    return Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
  }

  @Override
  public String toString() {
    return "GmiProvider{" + MODEL + (organizationId == null ? "" : ", organization " + organizationId) + "}";
  }
}
