package io.github.pixverse4j.odirouter.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET …/requests/{id}/status}: {@code IN_QUEUE} (with a queue position),
 * {@code IN_PROGRESS} or {@code COMPLETED}; some fal-compatible services also send {@code FAILED},
 * {@code CANCELED} or {@code CANCELLED}, the first possibly with {@code detail} and {@code
 * error_type}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOdiRouterStatusResponse.class)
@JsonDeserialize(as = ImmutableOdiRouterStatusResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class OdiRouterStatusResponse {
  OdiRouterStatusResponse() {}

  public static Builder builder() {
    return new Builder();
  }

  @JsonProperty("status")
  @Nullable
  public abstract String status();

  @JsonProperty("request_id")
  @Nullable
  public abstract String requestId();

  @JsonProperty("queue_position")
  @Nullable
  public abstract Integer queuePosition();

  /** A string or a list of {@code {loc, msg, type}}, on {@code FAILED}. */
  @JsonProperty("detail")
  @Nullable
  public abstract JsonNode detail();

  @JsonProperty("error_type")
  @Nullable
  public abstract String errorType();

  /** Builds an {@link OdiRouterStatusResponse}. */
  public static final class Builder extends ImmutableOdiRouterStatusResponse.Builder {
    Builder() {}
  }
}
