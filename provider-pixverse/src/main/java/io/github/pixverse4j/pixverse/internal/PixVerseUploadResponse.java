package io.github.pixverse4j.pixverse.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** The {@code Resp} of {@code POST /openapi/v2/image/upload}: the uploaded image's id and URL. */
@Value.Immutable
@JsonSerialize(as = ImmutablePixVerseUploadResponse.class)
@JsonDeserialize(as = ImmutablePixVerseUploadResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class PixVerseUploadResponse {
  PixVerseUploadResponse() {}

  /** An integer in the docs; read from a number or a string. */
  @JsonProperty("img_id")
  public abstract @Nullable String imgId();

  @JsonProperty("img_url")
  public abstract @Nullable String imgUrl();
}
