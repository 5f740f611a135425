package io.github.pixverse4j.v3async;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.StatusNames;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.v3async.internal.V3AsyncExtra;
import io.github.pixverse4j.v3async.internal.V3AsyncStatusResponse;
import io.github.pixverse4j.v3async.internal.V3AsyncTask;
import io.github.pixverse4j.v3async.internal.V3AsyncVideo;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a task result to a {@link TaskStatus}. */
final class V3AsyncStatuses {
  static final String QUEUED = "TASK_STATUS_QUEUED";
  static final String PROCESSING = "TASK_STATUS_PROCESSING";
  static final String SUCCEED = "TASK_STATUS_SUCCEED";
  static final String FAILED = "TASK_STATUS_FAILED";

  // Words seen in moderation refusals: the submit-time reasons ILLEGAL_PROMPT and
  // ILLEGAL_IMAGE_CONTENT, and the usual "sensitive"/"NSFW" wording of a refused output.
  private static final String[] MODERATION_WORDS = {
    "illegal", "sensitive", "nsfw", "moderat", "inappropriate", "content policy", "prohibited"
  };
  private static final String[] INVALID_INPUT_WORDS = {"invalid", "image_file", "exceeds"};
  private static final Pattern LEADING_CODE = Pattern.compile("^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\\b");

  private V3AsyncStatuses() {}

  static StatusNames names(String providerId) {
    return StatusNames.builder(providerId).add(QUEUED).add(PROCESSING).add(SUCCEED).add(FAILED).build();
  }

  static TaskStatus toStatus(
      String providerId, TaskHandle handle, V3AsyncStatusResponse body, Instant observedAt, ApiKey key) {
    V3AsyncTask task = body.task();
    if (task == null) {
      throw malformed(providerId, "a task result without its \"task\" object");
    }
    if (task.taskId() != null && !task.taskId().isEmpty() && !task.taskId().equals(handle.taskId())) {
      throw malformed(providerId, "the result of task '" + HttpErrors.snippet(task.taskId(), key)
          + "' when asked for '" + handle.taskId() + "'");
    }
    String raw = task.status();
    if (raw == null) {
      throw malformed(providerId, "a task result without task.status");
    }
    TaskStatus.Builder b = TaskStatus.builder().handle(handle).rawStatus(raw).observedAt(observedAt);
    StatusNames names = names(providerId);
    switch (names.canonical(raw).orElseThrow(() -> names.unknown(raw, key))) {
      case QUEUED:
        return b.state(TaskState.QUEUED).estimatedTimeRemaining(eta(task)).build();
      case PROCESSING:
        if (task.progressPercent() != null) {
          // Out-of-range progress is a display glitch, not a reason to stop watching the task.
          b.progressPercent((int) Math.max(0, Math.min(100, task.progressPercent())));
        }
        return b.state(TaskState.RUNNING).estimatedTimeRemaining(eta(task)).build();
      case SUCCEED:
        return b.state(TaskState.SUCCEEDED).videos(videos(providerId, body, observedAt, key)).build();
      case FAILED:
        return b.state(TaskState.FAILED).failure(failure(task.reason(), key)).build();
      default:
        throw new AssertionError(raw);
    }
  }

  // Hosts emit every field, so "eta": 0 usually means "no estimate": polling at once on it would
  // hammer the API.
  private static Optional<Duration> eta(V3AsyncTask task) {
    Long eta = task.eta();
    return eta == null || eta <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(eta));
  }

  private static List<Video> videos(
      String providerId, V3AsyncStatusResponse body, Instant observedAt, ApiKey key) {
    List<Video> out = new ArrayList<>();
    Long seed = seed(body.extra());
    if (body.videos() != null) {
      for (V3AsyncVideo v : body.videos()) {
        if (v.videoUrl() == null || v.videoUrl().isEmpty()) continue;
        Video.Builder video = Video.builder().url(uri(providerId, v.videoUrl(), key));
        if (v.videoUrlTtl() != null && v.videoUrlTtl() > 0) {
          video.expiresAt(observedAt.plusSeconds(v.videoUrlTtl()));
        }
        if (v.videoType() != null && !v.videoType().trim().isEmpty()) {
          String type = v.videoType().trim().toLowerCase(Locale.ROOT);
          video.contentType(type.indexOf('/') >= 0 ? type : "video/" + type);
        }
        if (seed != null) video.seed(seed);
        out.add(video.build());
      }
    }
    if (out.isEmpty()) {
      throw malformed(providerId, "a successful task result (" + SUCCEED + ") without any videos[].video_url");
    }
    return out;
  }

  private static Long seed(V3AsyncExtra extra) {
    if (extra == null || extra.seed() == null) return null;
    try {
      long seed = Long.parseLong(extra.seed().trim());
      return seed >= 0 ? seed : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static URI uri(String providerId, String url, ApiKey key) {
    try {
      URI uri = new URI(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw malformed(providerId, "a video URL that is not absolute: " + HttpErrors.snippet(url, key));
      }
      return uri;
    } catch (URISyntaxException e) {
      throw malformed(providerId, "a video URL that is not a URL: " + HttpErrors.snippet(url, key));
    }
  }

  /**
   * The failure of a {@code TASK_STATUS_FAILED} task. {@code task.reason} is free text: moderation
   * words make it {@link FailureCategory#MODERATION}, "invalid" input words {@link
   * FailureCategory#INVALID_INPUT}, "cancel" {@link FailureCategory#CANCELLED}, any other reason
   * {@link FailureCategory#PROVIDER_ERROR} and none {@link FailureCategory#UNKNOWN}.
   */
  static TaskFailure failure(String reason, ApiKey key) {
    String text = reason == null ? "" : reason.trim();
    TaskFailure.Builder f = TaskFailure.builder();
    Matcher code = LEADING_CODE.matcher(text);
    if (code.find()) f.providerCode(code.group(1));
    if (text.isEmpty()) {
      return f.category(FailureCategory.UNKNOWN)
          .message("The provider reported the task as failed without giving a reason.")
          .build();
    }
    return f.category(categorize(text)).message(HttpErrors.snippet(text, key)).build();
  }

  static FailureCategory categorize(String reason) {
    String lower = reason.toLowerCase(Locale.ROOT);
    for (String w : MODERATION_WORDS) {
      if (lower.contains(w)) return FailureCategory.MODERATION;
    }
    for (String w : INVALID_INPUT_WORDS) {
      if (lower.contains(w)) return FailureCategory.INVALID_INPUT;
    }
    if (lower.contains("cancel")) return FailureCategory.CANCELLED;
    return FailureCategory.PROVIDER_ERROR;
  }

  private static MalformedResponseException malformed(String providerId, String what) {
    return new MalformedResponseException(
        "Provider " + providerId + " answered " + what, ErrorDetails.provider(providerId));
  }
}
