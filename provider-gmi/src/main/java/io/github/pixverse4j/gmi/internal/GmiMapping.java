package io.github.pixverse4j.gmi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.StatusNames;
import io.github.pixverse4j.gmi.GmiCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps between the public model and GMI's request-queue JSON. */
public final class GmiMapping {
  /** The provider id in every handle. */
  public static final String PROVIDER_ID = GmiCloud.PROVIDER_ID;

  /** GMI's name for PixVerse V6 image-to-video. */
  public static final String MODEL = GmiCloud.MODEL;

  private static final ProviderCapabilities CAPABILITIES = GmiCloud.CAPABILITIES;

  private static final String[] MODERATION_WORDS = {
    "moderat", "sensitive", "content policy", "content_policy", "content-policy", "nsfw", "safety"
  };

  private GmiMapping() {}

  /** The duration GMI is asked for: the request's, else the documented default of 5 s. */
  public static int durationSeconds(ImageToVideoRequest request) {
    return request
        .durationSeconds()
        .map(Long::intValue)
        .orElse(CAPABILITIES.defaultDurationSeconds().get());
  }

  /** The quality GMI is asked for: the request's, else the documented default of 540p. */
  public static Quality quality(ImageToVideoRequest request) {
    return request.quality().orElse(CAPABILITIES.defaultQuality().get());
  }

  /** Whether audio is asked for; GMI's default is off. */
  public static boolean audio(ImageToVideoRequest request) {
    return request.audio().orElse(false);
  }

  /** The body of {@code POST /requests} for a request that passed {@link #CAPABILITIES}. */
  public static GmiSubmitBody submitBody(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    if (request.image().kind() != ImageInput.Kind.URL) {
      throw new IllegalArgumentException(
          "GMI accepts only image URLs, got "
              + request.image().kind()
              + "; validate the request first");
    }
    GmiPayload payload =
        ImmutableGmiPayload.builder()
            .prompt(request.prompt())
            .image(request.image().url().toString())
            .duration(durationSeconds(request))
            .quality(quality(request).label())
            .generateAudioSwitch(request.audio().orElse(null))
            .generateMultiClipSwitch(request.multiClip().orElse(null))
            .seed(request.seed().orElse(null))
            .build();
    return ImmutableGmiSubmitBody.builder().model(MODEL).payload(payload).build();
  }

  /**
   * The handle for an accepted submit; an id a handle cannot keep is a MalformedResponseException.
   */
  public static TaskHandle toHandle(ProviderAnswers answers, GmiSubmitResponse response) {
    return answers.handle(MODEL, response.requestId(), "request_id");
  }

  /**
   * One status observation.
   *
   * @throws MalformedResponseException for a missing or unknown status value, or a success without
   *     a readable video URL
   */
  /**
   * GMI's documented values ("dispatched" is confirmed by its clients); it documents no synonyms.
   */
  static final StatusNames STATUSES =
      StatusNames.builder(PROVIDER_ID)
          .add("queued")
          .add("dispatched")
          .add("processing")
          .add("success")
          .add("failed")
          .add("cancelled")
          .build();

  public static TaskStatus toStatus(
      ProviderAnswers answers, TaskHandle handle, GmiStatusResponse response) {
    String raw = response.status();
    if (raw == null || raw.trim().isEmpty()) {
      throw malformed(answers, "GMI answered a status without a 'status' value", handle);
    }
    TaskStatus.Builder b = answers.status(handle, TaskState.QUEUED, raw);
    String status;
    try {
      status = answers.canonical(STATUSES, raw);
    } catch (MalformedResponseException unknown) {
      unknown.attachHandle(handle);
      throw unknown;
    }
    switch (status) {
      case "queued":
        return b.state(TaskState.QUEUED).build();
      case "dispatched":
      case "processing":
        return b.state(TaskState.RUNNING).build();
      case "success":
        return b.state(TaskState.SUCCEEDED)
            .addAllVideos(videos(answers, handle, response.outcome()))
            .build();
      case "failed":
        return b.state(TaskState.FAILED).failure(failure(answers, response)).build();
      case "cancelled":
        return b.state(TaskState.CANCELLED).build();
      default:
        throw new AssertionError(status);
    }
  }

  /** The model ids of a {@code GET /models} answer. */
  public static List<String> modelIds(GmiModelsResponse response) {
    List<String> ids = new ArrayList<>();
    if (response.modelIds() != null) {
      for (String id : response.modelIds()) {
        if (id != null && !id.trim().isEmpty()) ids.add(id.trim());
      }
    }
    return ids;
  }

  /** Whether any of the texts sounds like a content-moderation refusal. */
  public static boolean mentionsModeration(String... texts) {
    for (String t : texts) {
      if (t == null) continue;
      String lower = t.toLowerCase(Locale.ROOT);
      for (String w : MODERATION_WORDS) {
        if (lower.contains(w)) return true;
      }
    }
    return false;
  }

  /**
   * The text of an error field that is a string, or an object with {@code message} (or {@code
   * detail}, {@code msg}, {@code error}); otherwise {@code null}.
   */
  public static String errorText(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return null;
    if (node.isValueNode()) return blankToNull(node.asText());
    if (node.isObject()) {
      for (String field : new String[] {"message", "detail", "msg", "error"}) {
        String t = errorText(node.get(field));
        if (t != null) return t;
      }
    }
    return null;
  }

  /**
   * The {@code code} (or {@code error_code}, {@code type}) of an error object; otherwise {@code
   * null}.
   */
  public static String errorCode(JsonNode node) {
    if (node == null || !node.isObject()) return null;
    for (String field : new String[] {"code", "error_code", "type"}) {
      JsonNode c = node.get(field);
      if (c != null && c.isValueNode() && !c.isNull()) {
        String t = blankToNull(c.asText());
        if (t != null) return t;
      }
    }
    return null;
  }

  private static List<Video> videos(
      ProviderAnswers answers, TaskHandle handle, GmiOutcome outcome) {
    List<Video> videos = new ArrayList<>();
    if (outcome != null && outcome.mediaUrls() != null) {
      for (GmiMediaUrl media : outcome.mediaUrls()) {
        if (media != null && blankToNull(media.url()) != null) {
          videos.add(video(answers, media.url(), "outcome.media_urls[].url", handle));
        }
      }
    }
    if (videos.isEmpty() && outcome != null && blankToNull(outcome.videoUrl()) != null) {
      videos.add(video(answers, outcome.videoUrl(), "outcome.video_url", handle));
    }
    if (videos.isEmpty()) {
      throw malformed(
          answers,
          "GMI reported success but gave no video URL (neither outcome.media_urls nor"
              + " outcome.video_url)",
          handle);
    }
    return videos;
  }

  private static Video video(ProviderAnswers answers, String url, String field, TaskHandle handle) {
    try {
      return answers.video(url, field).build();
    } catch (MalformedResponseException e) {
      e.attachHandle(handle);
      throw e;
    }
  }

  private static TaskFailure failure(ProviderAnswers answers, GmiStatusResponse response) {
    GmiOutcome outcome = response.outcome();
    String topError = errorText(response.error());
    String outcomeError = outcome == null ? null : errorText(outcome.error());
    String code = outcome == null ? null : blankToNull(outcome.errorCode());
    if (code == null) code = errorCode(response.error());
    if (code == null && outcome != null) code = errorCode(outcome.error());
    String source = outcome == null ? null : blankToNull(outcome.errorSource());

    StringBuilder message = new StringBuilder();
    if (topError != null) message.append(topError);
    if (outcomeError != null && !outcomeError.equals(topError)) {
      message.append(message.length() > 0 ? "; " : "").append(outcomeError);
    }
    if (message.length() == 0 && code != null) {
      message.append("GMI reported the request failed with code ").append(code);
    }
    boolean anyDetail = message.length() > 0 || source != null;
    if (source != null) {
      message
          .append(message.length() > 0 ? " " : "GMI reported the request failed ")
          .append("(source: ")
          .append(source)
          .append(')');
    }
    if (!anyDetail) {
      message.append("GMI reported the request failed without saying why");
    }

    FailureCategory category;
    if (mentionsModeration(topError, outcomeError, code, source)) {
      category = FailureCategory.MODERATION;
    } else if (anyDetail) {
      category = FailureCategory.PROVIDER_ERROR;
    } else {
      category = FailureCategory.UNKNOWN;
    }
    return answers.failure(category, message.toString(), code);
  }

  private static MalformedResponseException malformed(
      ProviderAnswers answers, String message, TaskHandle handle) {
    MalformedResponseException e = answers.malformed(message);
    e.attachHandle(handle);
    return e;
  }

  private static String blankToNull(String s) {
    return s == null || s.trim().isEmpty() ? null : s.trim();
  }
}
