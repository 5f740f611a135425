package io.github.pixverse4j.v3async.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.pixverse4j.client.provider.LenientNumbers;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code videos}: a presigned URL that expires after {@code video_url_ttl} seconds.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableV3AsyncVideo.class)
@JsonDeserialize(as = ImmutableV3AsyncVideo.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class V3AsyncVideo {
  V3AsyncVideo() {}

  @JsonProperty("video_url")
  @Nullable
  public abstract String videoUrl();

  /** Such as {@code "mp4"}. */
  @JsonProperty("video_type")
  @Nullable
  public abstract String videoType();

  /** Seconds the URL stays valid (a string in Novita's docs, a number elsewhere). */
  @JsonProperty("video_url_ttl")
  @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
  @Nullable
  public abstract Long videoUrlTtl();
}
