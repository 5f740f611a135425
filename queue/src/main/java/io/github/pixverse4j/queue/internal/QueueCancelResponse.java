package io.github.pixverse4j.queue.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code PUT …/requests/{id}/cancel}: {@code CANCELLATION_REQUESTED} (202), {@code
 * ALREADY_COMPLETED} (400), {@code NOT_FOUND} (404) or {@code OK}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableQueueCancelResponse.class)
@JsonDeserialize(as = ImmutableQueueCancelResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class QueueCancelResponse {
  QueueCancelResponse() {}

  public static Builder builder() {
    return new Builder();
  }

  @JsonProperty("status")
  @Nullable
  public abstract String status();

  /** Builds an {@link QueueCancelResponse}. */
  public static final class Builder extends ImmutableQueueCancelResponse.Builder {
    Builder() {}
  }
}
