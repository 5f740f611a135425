package io.github.pixverse4j.v3async.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** The answer to a submit: {@code {"task_id": "..."}}. */
@Value.Immutable
@JsonSerialize(as = ImmutableV3AsyncSubmitResponse.class)
@JsonDeserialize(as = ImmutableV3AsyncSubmitResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class V3AsyncSubmitResponse {
  V3AsyncSubmitResponse() {}

  /** Absent only in a broken answer; the provider checks. */
  @JsonProperty("task_id")
  @Nullable
  public abstract String taskId();
}
