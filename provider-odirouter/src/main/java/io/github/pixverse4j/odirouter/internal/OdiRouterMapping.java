package io.github.pixverse4j.odirouter.internal;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.StatusNames;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.odirouter.OdiRouter;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps between the public model and OdiRouter's fal-style queue JSON: request → submit body,
 * answers → handle and {@link TaskStatus}. Which call to make next (COMPLETED needs the result
 * call) is the provider's business; what each answer means is decided here.
 */
public final class OdiRouterMapping {
  /** fal's documented values, and the FAILED / CANCELED(CANCELLED) of fal-compatible services. */
  public static final StatusNames STATUSES = StatusNames.builder(OdiRouter.PROVIDER_ID)
      .add("IN_QUEUE").add("IN_PROGRESS").add("COMPLETED").add("FAILED")
      .add("CANCELLED", "CANCELED")
      .build();

  /** The status after which the result call tells a video from a failure. */
  public static final String COMPLETED = "COMPLETED";

  private OdiRouterMapping() {}

  /** The submit body for a request that passed the capabilities (an image URL). */
  public static OdiRouterSubmitBody submitBody(ImageToVideoRequest request) {
    if (request.image().kind() != ImageInput.Kind.URL) {
      throw new IllegalArgumentException(
          "OdiRouter accepts only an image URL, got " + request.image().kind());
    }
    OdiRouterSubmitBody.Builder b = OdiRouterSubmitBody.builder()
        .image(request.image().url().toString())
        .prompt(request.prompt());
    request.durationSeconds().ifPresent(s -> b.duration((int) (long) s));
    request.quality().ifPresent(q -> b.quality(q.label()));
    request.seed().ifPresent(b::seed);
    request.audio().ifPresent(b::generateAudioSwitch);
    request.multiClip().ifPresent(b::generateMultiClipSwitch);
    return b.build();
  }

  /** The handle of an accepted submit; a request_id a handle cannot keep is a MalformedResponseException. */
  public static TaskHandle toHandle(ProviderAnswers answers, OdiRouterSubmitResponse response) {
    return answers.handle(OdiRouter.MODEL, response.requestId(), "request_id");
  }

  /** The canonical status of a status answer; a missing or unknown one is a MalformedResponseException. */
  public static String canonical(ProviderAnswers answers, OdiRouterStatusResponse s) {
    return answers.canonical(STATUSES, s.status());
  }

  /** A status answer whose {@link #canonical} status is not {@link #COMPLETED}. */
  public static TaskStatus fromStatus(ProviderAnswers answers, OdiRouterErrors errors, TaskHandle handle,
      String status, OdiRouterStatusResponse s) {
    String raw = s.status();
    switch (status) {
      case "IN_QUEUE": {
        TaskStatus.Builder b = answers.status(handle, TaskState.QUEUED, raw);
        Integer position = s.queuePosition();
        if (position != null && position >= 0) b.queuePosition(position);
        return b.build();
      }
      case "IN_PROGRESS":
        return answers.status(handle, TaskState.RUNNING, raw).build();
      case "FAILED": {
        OdiRouterErrors.Parsed p = errors.parse(s.detail(), s.errorType());
        FailureCategory otherwise = p.message() != null || p.errorType() != null
            ? FailureCategory.PROVIDER_ERROR : FailureCategory.UNKNOWN;
        return answers.status(handle, TaskState.FAILED, raw).failure(errors.failure(p, otherwise)).build();
      }
      case "CANCELLED":
        return answers.status(handle, TaskState.CANCELLED, raw).build();
      default:
        throw new IllegalArgumentException("not a status answered without the result call: " + status);
    }
  }

  /** The result of a COMPLETED request that answered 2xx: SUCCEEDED with its video. */
  public static TaskStatus succeeded(ProviderAnswers answers, TaskHandle handle, OdiRouterResultResponse r,
      String raw) {
    OdiRouterVideoFile file = r.video();
    if (file == null || file.url() == null || file.url().trim().isEmpty()) {
      throw answers.malformed("The result of a COMPLETED request has no video.url");
    }
    Video.Builder video = Video.builder().url(answers.videoUrl(file.url(), "video.url"));
    if (file.contentType() != null) video.contentType(file.contentType());
    if (file.fileSize() != null && file.fileSize() >= 0) video.sizeBytes(file.fileSize());
    if (r.seed() != null) video.seed(r.seed());
    return answers.status(handle, TaskState.SUCCEEDED, raw).addVideos(video.build()).build();
  }

  /**
   * The result table of a COMPLETED request that answered non-2xx: 400 "still in progress" →
   * RUNNING; 400/413/422 → FAILED (input or moderation); 401, 403, 404, 408, 410, 425, 429 → empty
   * (the call's exception, {@link OdiRouterErrors#forCall}); another 4xx/5xx with an error type or
   * a detail list → FAILED; a bare 5xx → empty (ProviderUnavailableException, retried).
   */
  public static Optional<TaskStatus> fromFailedResult(ProviderAnswers answers, OdiRouterErrors errors,
      TaskHandle handle, OdiRouterErrors.Parsed p, String raw) {
    int code = p.httpStatus();
    if (code == 400 && p.message() != null
        && p.message().toLowerCase(Locale.ROOT).contains("in progress")) {
      return Optional.of(answers.status(handle, TaskState.RUNNING, raw).build());
    }
    boolean taskFailure;
    switch (code) {
      case 400:
      case 413:
      case 422:
        taskFailure = true;
        break;
      case 401:
      case 403:
      case 404:
      case 408:
      case 410:
      case 425:
      case 429:
        taskFailure = false;
        break;
      default:
        taskFailure = code >= 400 && code <= 599 && p.hasProviderError();
    }
    if (!taskFailure) return Optional.empty();
    FailureCategory otherwise = code < 500 ? FailureCategory.INVALID_INPUT : FailureCategory.PROVIDER_ERROR;
    return Optional.of(
        answers.status(handle, TaskState.FAILED, raw).failure(errors.failure(p, otherwise)).build());
  }
}
