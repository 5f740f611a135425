package io.github.pixverse4j.gmi.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.pixverse4j.client.provider.LenientNumbers;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code POST /requests}. Every field is optional on the wire so that a missing id is
 * reported by the mapping in words rather than as a binding error.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGmiSubmitResponse.class)
@JsonDeserialize(as = ImmutableGmiSubmitResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class GmiSubmitResponse {
  GmiSubmitResponse() {}

  @JsonProperty("request_id")
  @Nullable
  public abstract String requestId();

  @JsonProperty("model")
  @Nullable
  public abstract String model();

  /** {@code queued} on acceptance. */
  @JsonProperty("status")
  @Nullable
  public abstract String status();

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

  /** Unix seconds. */
  @JsonProperty("queued_at")
  @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
  @Nullable
  public abstract Long queuedAt();
}
