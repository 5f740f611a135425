package io.github.pixverse4j.v3async.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /v3/async/task-result}: {@code {task, extra, images, videos, audios}}.
 * Images and audios are never produced by image-to-video models and are ignored.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableV3AsyncStatusResponse.class)
@JsonDeserialize(as = ImmutableV3AsyncStatusResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class V3AsyncStatusResponse {
  V3AsyncStatusResponse() {}

  @JsonProperty("task")
  @Nullable
  public abstract V3AsyncTask task();

  @JsonProperty("extra")
  @Nullable
  public abstract V3AsyncExtra extra();

  @JsonProperty("videos")
  @Nullable
  public abstract List<V3AsyncVideo> videos();
}
