package io.github.pixverse4j.pixverse;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.api.internal.VideoSniffer;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.provider.ImageHeader;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.WebhookVerifier;
import io.github.pixverse4j.pixverse.internal.PixVerseApi;
import io.github.pixverse4j.pixverse.internal.PixVerseErrors;
import io.github.pixverse4j.pixverse.internal.PixVerseExtendBody;
import io.github.pixverse4j.pixverse.internal.PixVerseMapping;
import io.github.pixverse4j.pixverse.internal.PixVerseResponse;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import retrofit2.HttpException;
import retrofit2.Response;

/**
 * The {@link VideoProvider} for the PixVerse platform API: a submit uploads the image (unless it is
 * already a PixVerse {@code img_id}) and then starts the generation; an extend uploads the video
 * (unless it is a PixVerse task or {@code media_id}) and then starts the extension; the handle
 * carries the {@code video_id}. There is no cancel endpoint: the default {@link
 * VideoProvider#cancel} reports it.
 *
 * <p>Every call carries a fresh {@code Ai-trace-id}. The ids of a submit are made when {@link
 * #submit} is called, so re-subscribing to the returned {@code Single} (a retry of the same submit)
 * sends the same ids; {@link #status} makes a new one per subscription.
 */
public final class PixVerseProvider implements VideoProvider {
  /** The provider id in handles: {@value}. */
  public static final String ID = PixVerse.PROVIDER_ID;

  private final PixVerseApi api;
  private final Model defaultModel;
  private final ProviderCapabilities capabilities;
  private final ProviderAnswers answers;
  private final PixVerseErrors errors;

  /** The console webhook, or null when callbacks were not asked for. */
  private final PixVerseWebhook webhook;

  private final Optional<WebhookVerifier> callbacks;

  /** {@code api} maps its transport and JSON errors ({@link PixVerseModule} builds it so). */
  PixVerseProvider(
      PixVerseApi api, ProviderAnswers answers, PixVerseErrors errors, Model defaultModel) {
    this(api, answers, errors, defaultModel, null);
  }

  /** With {@code webhook} (or null): every submit asks for callbacks, which this verifies. */
  PixVerseProvider(
      PixVerseApi api,
      ProviderAnswers answers,
      PixVerseErrors errors,
      Model defaultModel,
      PixVerseWebhook webhook) {
    if (api == null) throw new NullPointerException("api == null");
    if (answers == null) throw new NullPointerException("answers == null");
    if (errors == null) throw new NullPointerException("errors == null");
    if (defaultModel == null) throw new NullPointerException("defaultModel == null");
    this.api = api;
    this.defaultModel = defaultModel;
    this.capabilities = PixVerseCapabilities.forModel(defaultModel);
    this.answers = answers;
    this.errors = errors;
    this.webhook = webhook;
    this.callbacks =
        webhook == null
            ? Optional.<WebhookVerifier>empty()
            : Optional.<WebhookVerifier>of(new PixVerseCallbacks(answers, defaultModel, webhook));
  }

  /**
   * Present when the client was built with {@link PixVerse.Builder#webhook}: every submit and
   * extend carries its {@code webhook_id}, and this verifies PixVerse's signed callbacks.
   */
  @Override
  public Optional<WebhookVerifier> webhooks() {
    return callbacks;
  }

  private String webhookId() {
    return webhook == null ? null : webhook.webhookId();
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
        .flatMap(
            imgId ->
                call(
                    api.generate(
                        generateTraceId,
                        PixVerseMapping.submitBody(request, model, imgId, webhookId())),
                    "generate"))
        .map(resp -> PixVerseMapping.toHandle(answers, model, resp));
  }

  private Single<Long> imageId(ImageInput image, String traceId, AtomicReference<Long> uploaded) {
    if (image.kind() == ImageInput.Kind.PROVIDER_IMAGE_ID) {
      return Single.fromCallable(() -> Long.parseLong(image.providerImageId()));
    }
    return once(
        uploaded,
        () ->
            call(api.upload(traceId, uploadBody(image)), "upload")
                .map(resp -> PixVerseMapping.imageId(answers, resp))
                .onErrorResumeNext(e -> Single.error(PixVerseErrors.uploadFailure(e))));
  }

  /**
   * {@code upload}'s id, remembered in {@code uploaded}: a re-subscription (the engine resending a
   * refused generate or extend) reuses it instead of uploading again.
   */
  private static Single<Long> once(AtomicReference<Long> uploaded, Supplier<Single<Long>> upload) {
    return Single.defer(
        () -> {
          Long done = uploaded.get();
          if (done != null) return Single.just(done);
          return upload.get().doOnSuccess(uploaded::set);
        });
  }

  /**
   * Extends a video: a finished PixVerse task is sent as {@code source_video_id} and a media id as
   * {@code video_media_id}, without an upload; a file, bytes or URL is first uploaded through
   * {@code POST /openapi/v2/media/upload}. The upload belongs to this submit: a re-subscription
   * (the engine resending a refused extend) reuses its {@code media_id}, with the same trace ids.
   */
  @Override
  public Single<TaskHandle> extend(ExtendVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    Model model = request.model().orElse(defaultModel);
    String uploadTraceId = newTraceId();
    String extendTraceId = newTraceId();
    AtomicReference<Long> uploaded = new AtomicReference<>();
    VideoSource source = request.source();
    Single<PixVerseExtendBody> body;
    if (source.kind() == VideoSource.Kind.TASK) {
      body =
          Single.fromCallable(
              () ->
                  PixVerseMapping.extendBody(
                      request, model, sourceVideoId(source.task()), null, webhookId()));
    } else {
      Single<Long> mediaId =
          source.kind() == VideoSource.Kind.PROVIDER_MEDIA_ID
              ? Single.just(source.providerMediaId())
              : once(
                  uploaded,
                  () ->
                      call(api.mediaUpload(uploadTraceId, mediaBody(source)), "media upload")
                          .map(resp -> PixVerseMapping.mediaId(answers, resp))
                          .onErrorResumeNext(
                              e -> Single.error(PixVerseErrors.uploadFailure(e, "video"))));
      body = mediaId.map(id -> PixVerseMapping.extendBody(request, model, null, id, webhookId()));
    }
    return body.flatMap(b -> call(api.extend(extendTraceId, b), "extend"))
        .map(resp -> PixVerseMapping.toHandle(answers, model, resp));
  }

  /** The {@code video_id} of a PixVerse task, which is what {@code source_video_id} takes. */
  private static long sourceVideoId(TaskHandle task) {
    if (!task.providerId().equals(ID) || !PixVerseMapping.isId(task.taskId())) {
      throw new InvalidRequestException(
          Collections.singletonList(
              Violation.of(
                  "source",
                  "a PixVerse video id",
                  task.taskId(),
                  "The source task "
                      + task
                      + " is not a PixVerse video (its id is not a number).")),
          ErrorDetails.provider(ID));
    }
    return Long.parseLong(task.taskId());
  }

  private static MultipartBody mediaBody(VideoSource source) {
    MultipartBody.Builder b = new MultipartBody.Builder().setType(MultipartBody.FORM);
    if (source.kind() == VideoSource.Kind.URL) {
      return b.addFormDataPart("file_url", source.url().toString()).build();
    }
    String mime;
    RequestBody content;
    try {
      if (source.kind() == VideoSource.Kind.FILE) {
        Path file = source.file();
        mime = VideoSniffer.mimeType(file);
        content = mime == null ? null : RequestBody.create(MediaType.get(mime), file.toFile());
      } else {
        byte[] bytes = source.bytes();
        mime = VideoSniffer.mimeType(bytes, bytes.length);
        content = mime == null ? null : RequestBody.create(MediaType.get(mime), bytes);
      }
    } catch (IOException e) {
      mime = null;
      content = null;
    }
    if (content == null) {
      // Validation read it a moment ago; the file changed or vanished since.
      throw new InvalidRequestException(
          Collections.singletonList(
              Violation.of(
                  "source",
                  "a readable MP4, QuickTime or WebM video",
                  null,
                  "The video can no longer be read as MP4, QuickTime or WebM.")),
          ErrorDetails.provider(ID));
    }
    // A neutral file name: the local one is private and may not fit in a header.
    String extension = mime.equals("video/quicktime") ? "mov" : mime.substring("video/".length());
    return b.addFormDataPart("file", "video." + extension, content).build();
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
          Collections.singletonList(
              Violation.of(
                  "image",
                  "a readable JPEG, PNG or WebP",
                  null,
                  "The image can no longer be read (" + e.getMessage() + ").")),
          ErrorDetails.provider(ID));
    }
    // A neutral file name: the local one is private and may not fit in a header.
    return b.addFormDataPart("image", "image." + header.format().extension(), content).build();
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(() -> call(api.result(newTraceId(), handle.taskId()), "result"))
        .map(resp -> PixVerseMapping.toStatus(answers, handle, resp));
  }

  /**
   * One API call: the envelope checked, its {@code Resp} returned. Transport and JSON errors are
   * mapped by the API's call adapter; a non-2xx answer arrives as a value, because its envelope
   * decides what it means.
   */
  private <T> Single<T> call(Single<Response<PixVerseResponse<T>>> call, String what) {
    return call.map(r -> this.<T>unwrap(r, what));
  }

  private <T> T unwrap(Response<PixVerseResponse<T>> response, String what) {
    if (!response.isSuccessful()) throw errors.fromHttpException(new HttpException(response), what);
    PixVerseResponse<T> envelope = response.body();
    // A 2xx without a body (204): nothing to read, so read again (a submit: outcome unknown).
    if (envelope == null) throw answers.unreadable("The " + what + " answer is empty.");
    Long code = envelope.errCode();
    if (code == null) throw malformed("The " + what + " answer has no ErrCode");
    if (code != 0)
      throw errors.fromCode(code, envelope.errMsg(), response.code(), response.headers(), what);
    T resp = envelope.resp();
    if (resp == null) throw malformed("The " + what + " answer has ErrCode 0 but no Resp");
    return resp;
  }

  private MalformedResponseException malformed(String message) {
    return answers.malformed(message + ".");
  }

  private static String newTraceId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public String toString() {
    return "PixVerseProvider{" + defaultModel + "}";
  }
}
