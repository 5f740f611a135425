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
 * The JSON body of {@code POST /openapi/v2/video/img/generate}. Duration and quality are required
 * by the API; unset optional fields are left out.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePixVerseSubmitBody.class)
@JsonDeserialize(as = ImmutablePixVerseSubmitBody.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "img_id",
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
public abstract class PixVerseSubmitBody {
  PixVerseSubmitBody() {}

  static ImmutablePixVerseSubmitBody.Builder builder() {
    return ImmutablePixVerseSubmitBody.builder();
  }

  /** The id from the upload (an integer in the docs; digits kept as a number on the wire). */
  @JsonProperty("img_id")
  public abstract long imgId();

  @JsonProperty("prompt")
  public abstract String prompt();

  /** Such as {@code "v4.5"}. */
  @JsonProperty("model")
  public abstract String model();

  /** Seconds: 5 or 8. */
  @JsonProperty("duration")
  public abstract int duration();

  /** Such as {@code "540p"}. */
  @JsonProperty("quality")
  public abstract String quality();

  @JsonProperty("negative_prompt")
  public abstract @Nullable String negativePrompt();

  /** {@code "normal"} or {@code "fast"}. */
  @JsonProperty("motion_mode")
  public abstract @Nullable String motionMode();

  @JsonProperty("seed")
  public abstract @Nullable Long seed();

  @JsonProperty("template_id")
  public abstract @Nullable Long templateId();

  @JsonProperty("style")
  public abstract @Nullable String style();

  /** The console's webhook to call back when the video ends; left out when none. */
  @JsonProperty("webhook_id")
  public abstract @Nullable String webhookId();
}
