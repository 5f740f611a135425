package io.github.pixverse4j.gmi.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The {@code payload} of a pixverse-v6-i2v request; unset optional fields are left out of the JSON.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGmiPayload.class)
@JsonDeserialize(as = ImmutableGmiPayload.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "prompt",
  "image",
  "duration",
  "quality",
  "generate_audio_switch",
  "generate_multi_clip_switch",
  "seed"
})
public abstract class GmiPayload {
  GmiPayload() {}

  @JsonProperty("prompt")
  public abstract String prompt();

  /** A public image URL. */
  @JsonProperty("image")
  public abstract String image();

  /** Seconds, 1 to 15. */
  @JsonProperty("duration")
  public abstract int duration();

  /** {@code 360p}, {@code 540p}, {@code 720p} or {@code 1080p}. */
  @JsonProperty("quality")
  public abstract String quality();

  @JsonProperty("generate_audio_switch")
  @Nullable
  public abstract Boolean generateAudioSwitch();

  @JsonProperty("generate_multi_clip_switch")
  @Nullable
  public abstract Boolean generateMultiClipSwitch();

  @JsonProperty("seed")
  @Nullable
  public abstract Long seed();
}
