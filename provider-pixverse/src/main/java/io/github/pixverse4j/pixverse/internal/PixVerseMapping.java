package io.github.pixverse4j.pixverse.internal;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.pixverse.PixVerse;
import org.jspecify.annotations.Nullable;

/**
 * Maps between the public model and the PixVerse platform's JSON: request → body, answers → handle
 * and status.
 */
public final class PixVerseMapping {
  private PixVerseMapping() {}

  /** Whether {@code s} is a PixVerse id: 1-18 ASCII digits (fits a {@code long}). */
  public static boolean isId(String s) {
    if (s == null || s.isEmpty() || s.length() > 18) return false;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    }
    return true;
  }

  /**
   * The generate body for an uploaded image; duration and quality are required, so their defaults
   * are sent.
   */
  public static PixVerseSubmitBody submitBody(ImageToVideoRequest r, Model model, long imgId) {
    return submitBody(r, model, imgId, null);
  }

  /** {@link #submitBody(ImageToVideoRequest, Model, long)} with a console webhook (or null). */
  public static PixVerseSubmitBody submitBody(
      ImageToVideoRequest r, Model model, long imgId, @Nullable String webhookId) {
    return PixVerseSubmitBody.builder()
        .webhookId(webhookId)
        .imgId(imgId)
        .prompt(r.prompt())
        .model(model.name())
        .duration((int) (long) r.durationSeconds().orElse((long) PixVerse.DEFAULT_DURATION_SECONDS))
        .quality(r.quality().orElse(PixVerse.DEFAULT_QUALITY).label())
        .negativePrompt(r.negativePrompt().orElse(null))
        .motionMode(r.motionMode().map(m -> m.wireName()).orElse(null))
        .seed(r.seed().orElse(null))
        .templateId(r.templateId().map(Long::parseLong).orElse(null))
        .style(r.style().orElse(null))
        .build();
  }

  /**
   * The extend body: {@code sourceVideoId} or {@code videoMediaId} (the other null); duration and
   * quality are required, so their defaults are sent, as for {@link #submitBody}.
   */
  public static PixVerseExtendBody extendBody(
      ExtendVideoRequest r, Model model, Long sourceVideoId, Long videoMediaId) {
    return extendBody(r, model, sourceVideoId, videoMediaId, null);
  }

  /**
   * {@link #extendBody(ExtendVideoRequest, Model, Long, Long)} with a console webhook (or null).
   */
  public static PixVerseExtendBody extendBody(
      ExtendVideoRequest r,
      Model model,
      Long sourceVideoId,
      Long videoMediaId,
      @Nullable String webhookId) {
    return PixVerseExtendBody.builder()
        .webhookId(webhookId)
        .sourceVideoId(sourceVideoId)
        .videoMediaId(videoMediaId)
        .prompt(r.prompt())
        .model(model.name())
        .duration((int) (long) r.durationSeconds().orElse((long) PixVerse.DEFAULT_DURATION_SECONDS))
        .quality(r.quality().orElse(PixVerse.DEFAULT_QUALITY).label())
        .negativePrompt(r.negativePrompt().orElse(null))
        .motionMode(r.motionMode().map(m -> m.wireName()).orElse(null))
        .seed(r.seed().orElse(null))
        .templateId(r.templateId().map(Long::parseLong).orElse(null))
        .style(r.style().orElse(null))
        .build();
  }

  /** The {@code media_id} of a media upload answer, which must be a video. */
  public static long mediaId(ProviderAnswers answers, PixVerseMediaUploadResponse resp) {
    String id = resp.mediaId() == null ? "" : resp.mediaId().trim();
    if (!isId(id)) throw answers.malformed("The media upload answer has no numeric media_id.");
    if (resp.mediaType() != null && !"video".equals(resp.mediaType())) {
      throw answers.malformed(
          "The media upload answer has media_type '" + resp.mediaType() + "', not 'video'.");
    }
    return Long.parseLong(id);
  }

  /** The {@code img_id} of an upload answer. */
  public static long imageId(ProviderAnswers answers, PixVerseUploadResponse resp) {
    String id = resp.imgId() == null ? "" : resp.imgId().trim();
    if (!isId(id)) throw answers.malformed("The upload answer has no numeric img_id.");
    return Long.parseLong(id);
  }

  /**
   * The handle of a generate answer; a {@code video_id} a handle cannot keep is a
   * MalformedResponseException.
   */
  public static TaskHandle toHandle(
      ProviderAnswers answers, Model model, PixVerseSubmitResponse resp) {
    return answers.handle(model.name(), resp.videoId(), "video_id");
  }

  /**
   * One result answer: {@code status} 1 success, 5/9/10 generating, 6 deleted, 7 moderation
   * failure, 8 generation failure; anything else is a MalformedResponseException.
   */
  public static TaskStatus toStatus(
      ProviderAnswers answers, TaskHandle handle, PixVerseStatusResponse resp) {
    Integer status = resp.status();
    if (status == null) throw answers.malformed("The result answer has no status.");
    String raw = Integer.toString(status);
    switch (status) {
      case 5:
      case 9:
      case 10:
        return answers.status(handle, TaskState.RUNNING, raw).build();
      case 1:
        return answers
            .status(handle, TaskState.SUCCEEDED, raw)
            .addVideos(video(answers, resp))
            .build();
      case 7:
        return failed(
            answers,
            handle,
            FailureCategory.MODERATION,
            status,
            "PixVerse's content moderation refused the video (status 7); change the prompt or"
                + " image.");
      case 8:
        return failed(
            answers,
            handle,
            FailureCategory.PROVIDER_ERROR,
            status,
            "PixVerse failed to generate the video (status 8); try again later.");
      case 6:
        return failed(
            answers,
            handle,
            FailureCategory.UNKNOWN,
            status,
            "PixVerse reports the video as deleted (status 6).");
      default:
        throw answers.malformed(
            "The result answer has status "
                + status
                + ", which this client does not know (known: 1, 5, 6, 7, 8, 9, 10).");
    }
  }

  /**
   * The status a callback states: its {@code status} code read as the result endpoint's, with its
   * {@code url} (the callback's {@code size} is not a byte count and is left out).
   */
  public static TaskStatus callbackStatus(
      ProviderAnswers answers, TaskHandle handle, int status, @Nullable String url) {
    return toStatus(
        answers,
        handle,
        ImmutablePixVerseStatusResponse.builder()
            .id(handle.taskId())
            .status(status)
            .url(url)
            .build());
  }

  private static TaskStatus failed(
      ProviderAnswers answers,
      TaskHandle handle,
      FailureCategory category,
      int status,
      String message) {
    return answers
        .status(handle, TaskState.FAILED, Integer.toString(status))
        .failure(answers.failure(category, message, Integer.toString(status)))
        .build();
  }

  private static Video video(ProviderAnswers answers, PixVerseStatusResponse resp) {
    if (resp.url() == null || resp.url().trim().isEmpty()) {
      throw answers.malformed("The result answer has status 1 (success) but no video url.");
    }
    Video.Builder v = answers.video(resp.url(), "url");
    if (positive(resp.outputWidth())) v.width(resp.outputWidth());
    if (positive(resp.outputHeight())) v.height(resp.outputHeight());
    if (resp.size() != null && resp.size() > 0) v.sizeBytes(resp.size());
    if (resp.seed() != null) v.seed(resp.seed());
    return v.build();
  }

  private static boolean positive(Integer i) {
    return i != null && i > 0;
  }
}
