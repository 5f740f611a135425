package io.github.pixverse4j.gmi.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** One entry of {@code outcome.media_urls}. */
@Value.Immutable
@JsonSerialize(as = ImmutableGmiMediaUrl.class)
@JsonDeserialize(as = ImmutableGmiMediaUrl.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class GmiMediaUrl {
  GmiMediaUrl() {}

  @JsonProperty("id")
  @Nullable
  public abstract String id();

  @JsonProperty("url")
  @Nullable
  public abstract String url();
}
