package io.github.pixverse4j.gmi;

import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.gmi.internal.GmiApi;
import io.github.pixverse4j.gmi.internal.GmiMapping;
import io.reactivex.rxjava3.core.Single;
import java.util.List;

/**
 * GMI Cloud's request queue for {@code pixverse-v6-i2v} as a {@link VideoProvider}; also lists the
 * models a key may use. Obtain one from {@link GmiCloud.Builder#buildProvider()}. There is no
 * cancel operation: the default {@link VideoProvider#cancel} reports it.
 */
public final class GmiProvider implements VideoProvider {
  /** The id in every handle of this provider. */
  public static final String ID = GmiCloud.PROVIDER_ID;

  /** GMI's model id for PixVerse V6 image-to-video. */
  public static final String MODEL = GmiCloud.MODEL;

  private final GmiApi api;
  private final ProviderAnswers answers;
  private final String organizationId;

  /** {@code api} maps its own errors ({@link GmiModule} builds it so). */
  GmiProvider(GmiApi api, ProviderAnswers answers, String organizationId) {
    if (api == null) throw new NullPointerException("api == null");
    if (answers == null) throw new NullPointerException("answers == null");
    this.api = api;
    this.answers = answers;
    this.organizationId = organizationId;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return GmiCloud.CAPABILITIES;
  }

  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return Single.defer(() -> api.submit(organizationId, GmiMapping.submitBody(request)))
        .map(response -> GmiMapping.toHandle(answers, response));
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(() -> api.status(organizationId, handle.taskId()))
        .map(response -> GmiMapping.toStatus(answers, handle, response));
  }

  /**
   * The model ids this key may use ({@code GET /models}); a cheap check that the key works, as a
   * wrong key fails with {@link io.github.pixverse4j.api.AuthenticationException}. Not retried.
   */
  public Single<List<String>> listModels() {
    return Single.defer(() -> api.models(organizationId)).map(GmiMapping::modelIds);
  }

  @Override
  public String toString() {
    return "GmiProvider{"
        + MODEL
        + (organizationId == null ? "" : ", organization " + organizationId)
        + "}";
  }
}
