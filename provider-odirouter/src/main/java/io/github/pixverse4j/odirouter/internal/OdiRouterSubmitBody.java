package io.github.pixverse4j.odirouter.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/queue/pixverse_v6_i2v}. Unset fields are left out, so the provider
 * applies its own defaults.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOdiRouterSubmitBody.class)
@JsonDeserialize(as = ImmutableOdiRouterSubmitBody.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class OdiRouterSubmitBody {
  OdiRouterSubmitBody() {}

  public static Builder builder() {
    return new Builder();
  }

  /** A public http(s) URL of the first frame. */
  @JsonProperty("image")
  public abstract String image();

  @JsonProperty("prompt")
  public abstract String prompt();

  /** Seconds, 1 to 15. */
  @JsonProperty("duration")
  @Nullable
  public abstract Integer duration();

  /** {@code 360p}, {@code 540p}, {@code 720p} or {@code 1080p}. */
  @JsonProperty("quality")
  @Nullable
  public abstract String quality();

  @JsonProperty("seed")
  @Nullable
  public abstract Long seed();

  // The OdiRouter page names the audio and multi-clip switches without showing their keys; these are
  // PixVerse V6's own names, which OdiRouter forwards to PixVerse (see the README's "assumed" list).
  @JsonProperty("generate_audio_switch")
  @Nullable
  public abstract Boolean generateAudioSwitch();

  @JsonProperty("generate_multi_clip_switch")
  @Nullable
  public abstract Boolean generateMultiClipSwitch();

  /** Builds an {@link OdiRouterSubmitBody}. */
  public static final class Builder extends ImmutableOdiRouterSubmitBody.Builder {
    Builder() {}
  }
}
