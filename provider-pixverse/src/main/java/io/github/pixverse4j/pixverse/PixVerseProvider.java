package io.github.pixverse4j.pixverse;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.pixverse.internal.ImageHeader;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import retrofit2.HttpException;
import retrofit2.Response;

/**
 * The {@link VideoProvider} for the PixVerse platform API: a submit uploads the image (unless it
 * is already a PixVerse {@code img_id}) and then starts the generation; the handle carries the
 * {@code video_id}. There is no cancel endpoint.
 *
 * <p>Every call carries a fresh {@code Ai-trace-id}. The ids of a submit are made when {@link
 * #submit} is called, so re-subscribing to the returned {@code Single} (a retry of the same
 * submit) sends the same ids; {@link #status} makes a new one per subscription.
 */
public final class PixVerseProvider implements VideoProvider {
  /** The provider id in handles: {@value}. */
  public static final String ID = "pixverse";

  private final PixVerseApi api;
  private final Model defaultModel;
  private final Scheduler scheduler;
  private final ProviderCapabilities capabilities;
  private final PixVerseErrors errors;
  private final ApiKey key;

  PixVerseProvider(PixVerseApi api, ApiKey key, Model defaultModel, Scheduler scheduler) {
    if (api == null) throw new NullPointerException("api == null");
    if (key == null) throw new NullPointerException("key == null");
    if (defaultModel == null) throw new NullPointerException("defaultModel == null");
    if (scheduler == null) throw new NullPointerException("scheduler == null");
    this.api = api;
    this.defaultModel = defaultModel;
    this.scheduler = scheduler;
    this.capabilities = PixVerseCapabilities.forModel(defaultModel);
    this.errors = new PixVerseErrors(key);
    this.key = key;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    Model model = request.model().orElse(defaultModel);
    // Made per call, outside the Single: a re-subscription is a retry of this same submit and
    // reuses them, so that a server deduplicating by trace id could recognise it.
    String uploadTraceId = newTraceId();
    String generateTraceId = newTraceId();
    // A retry after a refused generate (429, 503) reuses the image already uploaded.
    AtomicReference<Long> uploaded = new AtomicReference<>();
    return imageId(request.image(), uploadTraceId, uploaded)
        .flatMap(imgId -> call(api.generate(generateTraceId, body(request, model, imgId)), "generate"))
        .map(resp -> {
          String videoId = resp.videoId();
          if (videoId == null || videoId.trim().isEmpty()) {
            throw malformed("The generate answer has no video_id");
          }
          return TaskHandle.of(ID, model.name(), videoId.trim());
        });
  }

  private Single<Long> imageId(ImageInput image, String traceId, AtomicReference<Long> uploaded) {
    if (image.kind() == ImageInput.Kind.PROVIDER_IMAGE_ID) {
      return Single.fromCallable(() -> Long.parseLong(image.providerImageId()));
    }
    return Single.defer(() -> {
      Long done = uploaded.get();
      if (done != null) return Single.just(done);
      return call(api.upload(traceId, uploadBody(image)), "upload")
          .map(resp -> {
            String id = resp.imgId() == null ? "" : resp.imgId().trim();
            if (!PixVerseCapabilities.isId(id)) {
              throw malformed("The upload answer has no numeric img_id");
            }
            long imgId = Long.parseLong(id);
            uploaded.set(imgId);
            return imgId;
          })
          .onErrorResumeNext(e -> Single.error(PixVerseErrors.uploadFailure(e)));
    });
  }

  private static MultipartBody uploadBody(ImageInput image) {
    MultipartBody.Builder b = new MultipartBody.Builder().setType(MultipartBody.FORM);
    if (image.kind() == ImageInput.Kind.URL) {
      return b.addFormDataPart("image_url", image.url().toString()).build();
    }
    ImageHeader header;
    RequestBody content;
    try {
      if (image.kind() == ImageInput.Kind.FILE) {
        Path file = image.file();
        header = ImageHeader.read(file);
        content = RequestBody.create(MediaType.get(header.format().mimeType()), file.toFile());
      } else {
        byte[] bytes = image.bytes();
        header = ImageHeader.read(bytes);
        content = RequestBody.create(MediaType.get(header.format().mimeType()), bytes);
      }
    } catch (IOException | ImageHeader.UnsupportedImageException e) {
      // Validation read it a moment ago; the file changed or vanished since.
      throw new InvalidRequestException(
          Collections.singletonList(Violation.of("image", "a readable JPEG, PNG or WebP", null,
              "The image can no longer be read (" + e.getMessage() + ").")),
          ErrorDetails.provider(ID));
    }
    // A neutral file name: the local one is private and may not fit in a header.
    return b.addFormDataPart("image", "image." + header.format().extension(), content).build();
  }

  private static PixVerseSubmitBody body(ImageToVideoRequest r, Model model, long imgId) {
    return PixVerseSubmitBody.builder()
        .imgId(imgId)
        .prompt(r.prompt())
        .model(model.name())
        .duration((int) (long) r.durationSeconds().orElse((long) PixVerseCapabilities.DEFAULT_DURATION_SECONDS))
        .quality(r.quality().orElse(PixVerseCapabilities.DEFAULT_QUALITY).label())
        .negativePrompt(r.negativePrompt().orElse(null))
        .motionMode(r.motionMode().map(m -> m.wireName()).orElse(null))
        .seed(r.seed().orElse(null))
        .templateId(r.templateId().map(Long::parseLong).orElse(null))
        .style(r.style().orElse(null))
        .build();
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(() -> call(api.result(newTraceId(), handle.taskId()), "result"))
        .map(resp -> toStatus(handle, resp));
  }

  private TaskStatus toStatus(TaskHandle handle, PixVerseStatusResp resp) {
    Integer status = resp.status();
    if (status == null) throw malformed("The result answer has no status");
    TaskStatus.Builder b = TaskStatus.builder()
        .handle(handle)
        .rawStatus(Integer.toString(status))
        .observedAt(Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS)));
    switch (status) {
      case 5:
      case 9:
      case 10:
        return b.state(TaskState.RUNNING).build();
      case 1:
        return b.state(TaskState.SUCCEEDED).addVideos(video(resp)).build();
      case 7:
        return failed(b, FailureCategory.MODERATION, status,
            "PixVerse's content moderation refused the video (status 7); change the prompt or image.");
      case 8:
        return failed(b, FailureCategory.PROVIDER_ERROR, status,
            "PixVerse failed to generate the video (status 8); try again later.");
      case 6:
        return failed(b, FailureCategory.UNKNOWN, status,
            "PixVerse reports the video as deleted (status 6).");
      default:
        throw malformed("The result answer has status " + status
            + ", which this client does not know (known: 1, 5, 6, 7, 8, 9, 10)");
    }
  }

  private static TaskStatus failed(TaskStatus.Builder b, FailureCategory category, int status, String message) {
    return b.state(TaskState.FAILED)
        .failure(TaskFailure.builder()
            .category(category)
            .providerCode(Integer.toString(status))
            .message(message)
            .build())
        .build();
  }

  private static Video video(PixVerseStatusResp resp) {
    String url = resp.url() == null ? "" : resp.url().trim();
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw malformed("The result answer's url is not a URL");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw malformed("The result answer has status 1 (success) but no video url");
    }
    Video.Builder v = Video.builder().url(uri);
    if (positive(resp.outputWidth())) v.width(resp.outputWidth());
    if (positive(resp.outputHeight())) v.height(resp.outputHeight());
    if (resp.size() != null && resp.size() > 0) v.sizeBytes(resp.size());
    if (resp.seed() != null) v.seed(resp.seed());
    return v.build();
  }

  private static boolean positive(Integer i) {
    return i != null && i > 0;
  }

  @Override
  public Completable cancel(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Completable.error(new UnsupportedFeatureException(
        "The PixVerse platform API has no cancel operation; the task runs to its end (nothing was"
            + " sent).", ErrorDetails.provider(ID)).attachHandle(handle));
  }

  /** One API call: HTTP and transport errors mapped, the envelope checked, its {@code Resp} returned. */
  private <T> Single<T> call(Single<Response<PixVerseResponse<T>>> call, String what) {
    return call.map(r -> this.<T>unwrap(r, what))
        .compose(HttpErrors.<T>mapErrors(ID, e -> errors.fromHttpException(e, what), key));
  }

  private <T> T unwrap(Response<PixVerseResponse<T>> response, String what) {
    if (!response.isSuccessful()) throw new HttpException(response);
    PixVerseResponse<T> envelope = response.body();
    if (envelope == null) throw malformed("The " + what + " answer is empty");
    Long code = envelope.errCode();
    if (code == null) throw malformed("The " + what + " answer has no ErrCode");
    if (code != 0) throw errors.fromCode(code, envelope.errMsg(), response.code(), response.headers(), what);
    T resp = envelope.resp();
    if (resp == null) throw malformed("The " + what + " answer has ErrCode 0 but no Resp");
    return resp;
  }

  private static MalformedResponseException malformed(String message) {
    return new MalformedResponseException(message + ".", ErrorDetails.provider(ID));
  }

  private static String newTraceId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public String toString() {
    return "PixVerseProvider{" + defaultModel + "}";
  }
}
