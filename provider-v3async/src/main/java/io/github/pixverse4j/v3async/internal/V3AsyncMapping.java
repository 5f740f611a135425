package io.github.pixverse4j.v3async.internal;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.provider.LenientNumbers;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.StatusNames;
import io.github.pixverse4j.v3async.V3AsyncModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps between the public model and the v3 async JSON: request → submit body, answers → handle and
 * {@link TaskStatus}.
 */
public final class V3AsyncMapping {
  public static final String QUEUED = "TASK_STATUS_QUEUED";
  public static final String PROCESSING = "TASK_STATUS_PROCESSING";
  public static final String SUCCEED = "TASK_STATUS_SUCCEED";
  public static final String FAILED = "TASK_STATUS_FAILED";

  // Words seen in moderation refusals: the submit-time reasons ILLEGAL_PROMPT and
  // ILLEGAL_IMAGE_CONTENT, and the usual "sensitive"/"NSFW" wording of a refused output.
  private static final String[] MODERATION_WORDS = {
    "illegal", "sensitive", "nsfw", "moderat", "inappropriate", "content policy", "prohibited"
  };
  private static final String[] INVALID_INPUT_WORDS = {"invalid", "image_file", "exceeds"};
  private static final Pattern LEADING_CODE =
      Pattern.compile("^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\\b");

  private V3AsyncMapping() {}

  /**
   * The submit body of {@code model} for a validated request; unset optional settings are left out.
   */
  public static V3AsyncSubmitBody submitBody(V3AsyncModel model, ImageToVideoRequest request) {
    return submitBody(model, request, null);
  }

  /**
   * {@link #submitBody(V3AsyncModel, ImageToVideoRequest)} asking for a callback to {@code
   * webhookUrl} ({@code extra.webhook.url}) when it is not null.
   */
  public static V3AsyncSubmitBody submitBody(
      V3AsyncModel model, ImageToVideoRequest request, @Nullable String webhookUrl) {
    if (request.image().kind() != ImageInput.Kind.URL) {
      // The engine validates first; this only guards direct callers of the provider.
      throw new IllegalArgumentException(
          "image must be a URL for the v3 async API, got " + request.image().kind());
    }
    V3AsyncSubmitBody.Builder b =
        V3AsyncSubmitBody.builder()
            .image(request.image().url().toString())
            .prompt(request.prompt())
            .seed(request.seed().orElse(null))
            .negativePrompt(request.negativePrompt().orElse(null))
            .extra(webhookUrl == null ? null : V3AsyncSubmitBody.webhookExtra(webhookUrl));
    switch (model) {
      case PIXVERSE_V6_I2V:
        return b.duration(request.durationSeconds().orElse(null))
            .cfgScale(request.cfgScale().orElse(null))
            .resolution(request.quality().map(Quality::label).orElse(null))
            .thinkingType(request.thinkingType().orElse(null))
            .generateAudioSwitch(request.audio().orElse(null))
            .build();
      case PIXVERSE_V4_5_I2V:
        // The page marks resolution "required" and names 540p its default: send that when unset.
        return b.resolution(request.quality().orElse(Quality.P540).label())
            .fastMode(request.fastMode().orElse(null))
            .style(request.style().orElse(null))
            .build();
      default:
        throw new AssertionError(model);
    }
  }

  /**
   * The handle of an accepted submit; a task_id a handle cannot keep is a
   * MalformedResponseException.
   */
  public static TaskHandle toHandle(
      ProviderAnswers answers, V3AsyncModel model, V3AsyncSubmitResponse response) {
    return answers.handle(model.path(), response.taskId(), "task_id");
  }

  /** The documented status values of the task result. */
  public static StatusNames names(String providerId) {
    return StatusNames.builder(providerId)
        .add(QUEUED)
        .add(PROCESSING)
        .add(SUCCEED)
        .add(FAILED)
        .build();
  }

  /** One task result answer. */
  public static TaskStatus toStatus(
      ProviderAnswers answers, TaskHandle handle, V3AsyncStatusResponse body) {
    String providerId = answers.providerId();
    V3AsyncTask task = body.task();
    if (task == null) {
      throw malformed(answers, "a task result without its \"task\" object");
    }
    if (task.taskId() != null
        && !task.taskId().isEmpty()
        && !task.taskId().equals(handle.taskId())) {
      throw malformed(
          answers,
          "the result of task '"
              + answers.quote(task.taskId())
              + "' when asked for '"
              + handle.taskId()
              + "'");
    }
    String raw = task.status();
    if (raw == null) {
      throw malformed(answers, "a task result without task.status");
    }
    Instant observedAt = answers.now();
    TaskStatus.Builder b =
        TaskStatus.builder().handle(handle).rawStatus(raw).observedAt(observedAt);
    switch (answers.canonical(names(providerId), raw)) {
      case QUEUED:
        return b.state(TaskState.QUEUED).estimatedTimeRemaining(eta(task)).build();
      case PROCESSING:
        // Out-of-range progress is a display glitch, not a reason to stop watching the task.
        b.progressPercent(LenientNumbers.percent(task.progressPercent()));
        return b.state(TaskState.RUNNING).estimatedTimeRemaining(eta(task)).build();
      case SUCCEED:
        return b.state(TaskState.SUCCEEDED).videos(videos(answers, body, observedAt)).build();
      case FAILED:
        return b.state(TaskState.FAILED).failure(failure(answers, task.reason())).build();
      default:
        throw new AssertionError(raw);
    }
  }

  // Hosts emit every field, so "eta": 0 usually means "no estimate": polling at once on it would
  // hammer the API. An absurd one (10^12 s) is no estimate either.
  private static Optional<Duration> eta(V3AsyncTask task) {
    return LenientNumbers.eta(task.eta());
  }

  private static List<Video> videos(
      ProviderAnswers answers, V3AsyncStatusResponse body, Instant observedAt) {
    List<Video> out = new ArrayList<>();
    Long seed = seed(body.extra());
    if (body.videos() != null) {
      for (V3AsyncVideo v : body.videos()) {
        if (v.videoUrl() == null || v.videoUrl().isEmpty()) continue;
        Video.Builder video = answers.video(v.videoUrl(), "videos[].video_url");
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
      throw malformed(
          answers, "a successful task result (" + SUCCEED + ") without any videos[].video_url");
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

  /**
   * The failure of a {@code TASK_STATUS_FAILED} task. {@code task.reason} is free text: moderation
   * words make it {@link FailureCategory#MODERATION}, "invalid" input words {@link
   * FailureCategory#INVALID_INPUT}, "cancel" {@link FailureCategory#CANCELLED}, any other reason
   * {@link FailureCategory#PROVIDER_ERROR} and none {@link FailureCategory#UNKNOWN}.
   */
  public static TaskFailure failure(ProviderAnswers answers, String reason) {
    String text = reason == null ? "" : reason.trim();
    TaskFailure.Builder f = TaskFailure.builder();
    Matcher code = LEADING_CODE.matcher(text);
    if (code.find()) f.providerCode(code.group(1));
    if (text.isEmpty()) {
      return f.category(FailureCategory.UNKNOWN)
          .message("The provider reported the task as failed without giving a reason.")
          .build();
    }
    return f.category(categorize(text)).message(answers.quote(text)).build();
  }

  public static FailureCategory categorize(String reason) {
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

  private static MalformedResponseException malformed(ProviderAnswers answers, String what) {
    return answers.malformed(what);
  }
}
