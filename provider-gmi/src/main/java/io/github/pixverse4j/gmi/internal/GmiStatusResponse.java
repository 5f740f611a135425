package io.github.pixverse4j.gmi.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.pixverse4j.client.provider.LenientNumbers;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** Answer of {@code GET /requests/{request_id}}: state and, once finished, the outcome. */
@Value.Immutable
@JsonSerialize(as = ImmutableGmiStatusResponse.class)
@JsonDeserialize(as = ImmutableGmiStatusResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class GmiStatusResponse {
  GmiStatusResponse() {}

  @JsonProperty("request_id")
  @Nullable
  public abstract String requestId();

  @JsonProperty("model")
  @Nullable
  public abstract String model();

  /**
   * {@code queued}, {@code dispatched}, {@code processing}, {@code success}, {@code failed} or
   * {@code cancelled}.
   */
  @JsonProperty("status")
  @Nullable
  public abstract String status();

  /** {@code null} until the request has finished. */
  @JsonProperty("outcome")
  @Nullable
  public abstract GmiOutcome outcome();

  /**
   * Failure detail: a string or an object with a {@code message} (seen in clients, not documented).
   */
  @JsonProperty("error")
  @Nullable
  public abstract JsonNode error();

  /** Unix seconds. */
  @JsonProperty("created_at")
  @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
  @Nullable
  public abstract Long createdAt();

  /** Unix seconds. */
  @JsonProperty("updated_at")
  @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
  @Nullable
  public abstract Long updatedAt();
}
