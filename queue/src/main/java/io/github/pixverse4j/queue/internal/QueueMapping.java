package io.github.pixverse4j.queue.internal;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.StatusNames;
import io.github.pixverse4j.queue.QueueProtocol;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps between the public model and the queue protocol's JSON: request → submit body, answers →
 * handle and {@link TaskStatus}. Which call to make next (COMPLETED needs the result call) is the
 * provider's business; what each answer means is decided here.
 */
public final class QueueMapping {
  /** The status after which the result call tells a video from a failure. */
  public static final String COMPLETED = "COMPLETED";

  private final QueueProtocol protocol;
  private final StatusNames statuses;

  public QueueMapping(QueueProtocol protocol) {
    if (protocol == null) throw new NullPointerException("protocol == null");
    this.protocol = protocol;
    // fal's documented values, and the FAILED / CANCELED(CANCELLED) of fal-compatible services.
    this.statuses =
        StatusNames.builder(protocol.providerId())
            .add("IN_QUEUE")
            .add("IN_PROGRESS")
            .add(COMPLETED)
            .add("FAILED")
            .add("CANCELLED", "CANCELED")
            .build();
  }

  /**
   * The submit body for a request that passed the capabilities: the protocol's {@code
   * SubmitBodyMapper}.
   */
  public Map<String, Object> submitBody(ImageToVideoRequest request) {
    Map<String, Object> body = protocol.submitBody().body(request);
    if (body == null)
      throw new NullPointerException("the submit body mapper of " + protocol + " returned null");
    return body;
  }

  /**
   * The handle of an accepted submit; a request_id a handle cannot keep is a
   * MalformedResponseException.
   */
  public TaskHandle toHandle(ProviderAnswers answers, QueueSubmitResponse response) {
    return answers.handle(protocol.model(), response.requestId(), "request_id");
  }

  /**
   * The canonical status of a status answer; a missing or unknown one is a
   * MalformedResponseException.
   */
  public String canonical(ProviderAnswers answers, QueueStatusResponse s) {
    return answers.canonical(statuses, s.status());
  }

  /** A status answer whose {@link #canonical} status is not {@link #COMPLETED}. */
  public TaskStatus fromStatus(
      ProviderAnswers answers,
      QueueErrors errors,
      TaskHandle handle,
      String status,
      QueueStatusResponse s) {
    String raw = s.status();
    switch (status) {
      case "IN_QUEUE":
        {
          TaskStatus.Builder b = answers.status(handle, TaskState.QUEUED, raw);
          Integer position = s.queuePosition();
          if (position != null && position >= 0) b.queuePosition(position);
          return b.build();
        }
      case "IN_PROGRESS":
        return answers.status(handle, TaskState.RUNNING, raw).build();
      case "FAILED":
        {
          QueueErrors.Parsed p = errors.parse(s);
          FailureCategory otherwise =
              p.message() != null || p.errorType() != null
                  ? FailureCategory.PROVIDER_ERROR
                  : FailureCategory.UNKNOWN;
          return answers
              .status(handle, TaskState.FAILED, raw)
              .failure(errors.failure(p, otherwise))
              .build();
        }
      case "CANCELLED":
        return answers.status(handle, TaskState.CANCELLED, raw).build();
      default:
        throw new IllegalArgumentException(
            "not a status answered without the result call: " + status);
    }
  }

  /** The result of a COMPLETED request that answered 2xx: SUCCEEDED with its video. */
  public TaskStatus succeeded(
      ProviderAnswers answers, TaskHandle handle, QueueResultResponse r, String raw) {
    QueueVideoFile file = r.video();
    if (file == null || file.url() == null || file.url().trim().isEmpty()) {
      throw answers.malformed("The result of a COMPLETED request has no video.url");
    }
    Video.Builder video = answers.video(file.url(), "video.url");
    if (file.contentType() != null) video.contentType(file.contentType());
    if (file.fileSize() != null && file.fileSize() >= 0) video.sizeBytes(file.fileSize());
    if (r.seed() != null) video.seed(r.seed());
    return answers.status(handle, TaskState.SUCCEEDED, raw).addVideos(video.build()).build();
  }

  /**
   * The result table of a COMPLETED request that answered non-2xx: 400 "still in progress" →
   * RUNNING; 400/413/422 → FAILED (input or moderation); 401, 403, 404, 408, 410, 425, 429 → empty
   * (the call's exception, {@link QueueErrors#forCall}); another 4xx/5xx with an error type or a
   * detail list → FAILED; a bare 5xx → empty (ProviderUnavailableException, retried).
   */
  public Optional<TaskStatus> fromFailedResult(
      ProviderAnswers answers,
      QueueErrors errors,
      TaskHandle handle,
      QueueErrors.Parsed p,
      String raw) {
    int code = p.httpStatus();
    if (code == 400
        && p.message() != null
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
    FailureCategory otherwise =
        code < 500 ? FailureCategory.INVALID_INPUT : FailureCategory.PROVIDER_ERROR;
    return Optional.of(
        answers
            .status(handle, TaskState.FAILED, raw)
            .failure(errors.failure(p, otherwise))
            .build());
  }
}
