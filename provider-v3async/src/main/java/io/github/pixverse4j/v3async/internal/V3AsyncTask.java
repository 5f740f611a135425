package io.github.pixverse4j.v3async.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.pixverse4j.client.provider.LenientNumbers;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** The {@code task} object of a task result. */
@Value.Immutable
@JsonSerialize(as = ImmutableV3AsyncTask.class)
@JsonDeserialize(as = ImmutableV3AsyncTask.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class V3AsyncTask {
  V3AsyncTask() {}

  @JsonProperty("task_id")
  @Nullable
  public abstract String taskId();

  @JsonProperty("task_type")
  @Nullable
  public abstract String taskType();

  /**
   * {@code TASK_STATUS_QUEUED}, {@code TASK_STATUS_PROCESSING}, {@code TASK_STATUS_SUCCEED} or
   * {@code TASK_STATUS_FAILED}.
   */
  @JsonProperty("status")
  @Nullable
  public abstract String status();

  /** Why a task failed; often {@code ""} otherwise. */
  @JsonProperty("reason")
  @Nullable
  public abstract String reason();

  /** Seconds left, as the provider estimates them; 0 when it has no estimate. */
  @JsonProperty("eta")
  @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
  @Nullable
  public abstract Long eta();

  @JsonProperty("progress_percent")
  @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
  @Nullable
  public abstract Long progressPercent();
}
