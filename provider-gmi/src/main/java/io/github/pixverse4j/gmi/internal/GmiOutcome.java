package io.github.pixverse4j.gmi.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** The {@code outcome} of a finished request: the videos, or what went wrong. */
@Value.Immutable
@JsonSerialize(as = ImmutableGmiOutcome.class)
@JsonDeserialize(as = ImmutableGmiOutcome.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class GmiOutcome {
  GmiOutcome() {}

  @JsonProperty("media_urls")
  @Nullable
  public abstract List<GmiMediaUrl> mediaUrls();

  /** Older single-video form, read when {@code media_urls} is absent. */
  @JsonProperty("video_url")
  @Nullable
  public abstract String videoUrl();

  /** A string or an object with a {@code message}. */
  @JsonProperty("error")
  @Nullable
  public abstract JsonNode error();

  @JsonProperty("error_code")
  @Nullable
  public abstract String errorCode();

  @JsonProperty("error_source")
  @Nullable
  public abstract String errorSource();
}
