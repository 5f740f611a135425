package io.github.pixverse4j.pixverse.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** The {@code Resp} of the generate call: the new video's id. */
@Value.Immutable
@JsonSerialize(as = ImmutablePixVerseSubmitResponse.class)
@JsonDeserialize(as = ImmutablePixVerseSubmitResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class PixVerseSubmitResponse {
  PixVerseSubmitResponse() {}

  /** An integer in the docs, a string through some relays; kept as text either way. */
  @JsonProperty("video_id")
  public abstract @Nullable String videoId();
}
