package io.github.pixverse4j.pixverse.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Resp} of {@code POST /openapi/v2/media/upload}: {@code {media_id, media_type, url}},
 * {@code media_type} being {@code "video"} or {@code "audio"}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePixVerseMediaUploadResponse.class)
@JsonDeserialize(as = ImmutablePixVerseMediaUploadResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class PixVerseMediaUploadResponse {
  PixVerseMediaUploadResponse() {}

  /** An integer in the docs; read as text from a number or a string, so no digit is lost. */
  @JsonProperty("media_id")
  public abstract @Nullable String mediaId();

  @JsonProperty("media_type")
  public abstract @Nullable String mediaType();

  @JsonProperty("url")
  public abstract @Nullable String url();
}
