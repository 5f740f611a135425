package io.github.pixverse4j.v3async.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collections;
import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v3/async/{model}}: the union of the PixVerse V6 and V4.5 fields. Which
 * ones are set depends on the model; unset fields are left out of the JSON.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableV3AsyncSubmitBody.class)
@JsonDeserialize(as = ImmutableV3AsyncSubmitBody.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "seed",
  "image",
  "prompt",
  "duration",
  "cfg_scale",
  "resolution",
  "thinking_type",
  "negative_prompt",
  "generate_audio_switch",
  "fast_mode",
  "style",
  "extra"
})
public abstract class V3AsyncSubmitBody {
  V3AsyncSubmitBody() {}

  public static Builder builder() {
    return new Builder();
  }

  @JsonProperty("seed")
  @Nullable
  public abstract Long seed();

  /** The first frame's URL. */
  @JsonProperty("image")
  public abstract String image();

  @JsonProperty("prompt")
  public abstract String prompt();

  /** Seconds; V6 only. */
  @JsonProperty("duration")
  @Nullable
  public abstract Long duration();

  /** 0 to 1; V6 only. */
  @JsonProperty("cfg_scale")
  @Nullable
  public abstract Double cfgScale();

  /** Such as {@code "720p"}. */
  @JsonProperty("resolution")
  @Nullable
  public abstract String resolution();

  /** V6 only. */
  @JsonProperty("thinking_type")
  @Nullable
  public abstract String thinkingType();

  @JsonProperty("negative_prompt")
  @Nullable
  public abstract String negativePrompt();

  /** V6 only. */
  @JsonProperty("generate_audio_switch")
  @Nullable
  public abstract Boolean generateAudioSwitch();

  /** V4.5 only. */
  @JsonProperty("fast_mode")
  @Nullable
  public abstract Boolean fastMode();

  /** V4.5 only. */
  @JsonProperty("style")
  @Nullable
  public abstract String style();

  /**
   * {@code {"webhook": {"url": …}}} when callbacks are asked for (Novita's "Webhook" page:
   * novita.ai/docs/api-reference/model-apis-webhook); left out otherwise.
   */
  @JsonProperty("extra")
  @Nullable
  public abstract Map<String, Object> extra();

  /** The {@link #extra()} that asks for an {@code ASYNC_TASK_RESULT} callback to {@code url}. */
  public static Map<String, Object> webhookExtra(String url) {
    return Collections.<String, Object>singletonMap(
        "webhook", Collections.singletonMap("url", url));
  }

  /** Builds a {@link V3AsyncSubmitBody}; {@code image} and {@code prompt} are required. */
  public static final class Builder extends ImmutableV3AsyncSubmitBody.Builder {
    Builder() {}
  }
}
