package io.github.pixverse4j.pixverse.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of {@code POST /openapi/v2/video/extend/generate}: exactly one of {@code
 * source_video_id} (an earlier PixVerse generation) and {@code video_media_id} (an uploaded video),
 * both JSON integers written from a {@code long} (ids exceed 2^53). Duration and quality are
 * required by the API; unset optional fields are left out.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePixVerseExtendBody.class)
@JsonDeserialize(as = ImmutablePixVerseExtendBody.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "source_video_id",
  "video_media_id",
  "prompt",
  "model",
  "duration",
  "quality",
  "negative_prompt",
  "motion_mode",
  "seed",
  "template_id",
  "style",
  "webhook_id"
})
public abstract class PixVerseExtendBody {
  PixVerseExtendBody() {}

  static ImmutablePixVerseExtendBody.Builder builder() {
    return ImmutablePixVerseExtendBody.builder();
  }

  @JsonProperty("source_video_id")
  public abstract @Nullable Long sourceVideoId();

  @JsonProperty("video_media_id")
  public abstract @Nullable Long videoMediaId();

  @JsonProperty("prompt")
  public abstract String prompt();

  @JsonProperty("model")
  public abstract String model();

  @JsonProperty("duration")
  public abstract int duration();

  @JsonProperty("quality")
  public abstract String quality();

  @JsonProperty("negative_prompt")
  public abstract @Nullable String negativePrompt();

  @JsonProperty("motion_mode")
  public abstract @Nullable String motionMode();

  @JsonProperty("seed")
  public abstract @Nullable Long seed();

  @JsonProperty("template_id")
  public abstract @Nullable Long templateId();

  @JsonProperty("style")
  public abstract @Nullable String style();

  @Value.Check
  void exactlyOneSource() {
    if ((sourceVideoId() == null) == (videoMediaId() == null)) {
      throw new IllegalStateException("exactly one of source_video_id and video_media_id");
    }
  }

  /** The console's webhook to call back when the video ends; left out when none. */
  @JsonProperty("webhook_id")
  public abstract @Nullable String webhookId();
}
