package io.github.pixverse4j.pixverse.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.pixverse4j.client.provider.LenientNumbers;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Resp} of {@code GET /openapi/v2/video/result/{video_id}}. {@code status}: 1 success, 5
 * generating (9 and 10 also seen while pending), 6 deleted, 7 moderation failure, 8 generation
 * failure.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePixVerseStatusResponse.class)
@JsonDeserialize(as = ImmutablePixVerseStatusResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class PixVerseStatusResponse {
  PixVerseStatusResponse() {}

  @JsonProperty("id")
  public abstract @Nullable String id();

  @JsonProperty("status")
  public abstract @Nullable Integer status();

  @JsonProperty("url")
  public abstract @Nullable String url();

  @JsonProperty("outputWidth")
  @JsonDeserialize(using = LenientNumbers.OptionalInteger.class)
  public abstract @Nullable Integer outputWidth();

  @JsonProperty("outputHeight")
  @JsonDeserialize(using = LenientNumbers.OptionalInteger.class)
  public abstract @Nullable Integer outputHeight();

  @JsonProperty("seed")
  @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
  public abstract @Nullable Long seed();

  /** Bytes. */
  @JsonProperty("size")
  @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
  public abstract @Nullable Long size();

  @JsonProperty("create_time")
  public abstract @Nullable String createTime();

  @JsonProperty("modify_time")
  public abstract @Nullable String modifyTime();
}
