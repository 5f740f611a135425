package io.github.pixverse4j.queue.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.pixverse4j.client.provider.LenientNumbers;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** The answer to a submit: the request id and the URLs of its status, result and cancel calls. */
@Value.Immutable
@JsonSerialize(as = ImmutableQueueSubmitResponse.class)
@JsonDeserialize(as = ImmutableQueueSubmitResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class QueueSubmitResponse {
  QueueSubmitResponse() {}

  public static Builder builder() {
    return new Builder();
  }

  // Nullable so that a missing id is reported by the provider's mapping with a clear message.
  @JsonProperty("request_id")
  @Nullable
  public abstract String requestId();

  @JsonProperty("response_url")
  @Nullable
  public abstract String responseUrl();

  @JsonProperty("status_url")
  @Nullable
  public abstract String statusUrl();

  @JsonProperty("cancel_url")
  @Nullable
  public abstract String cancelUrl();

  @JsonProperty("queue_position")
  @JsonDeserialize(using = LenientNumbers.OptionalInteger.class)
  @Nullable
  public abstract Integer queuePosition();

  /** Builds an {@link QueueSubmitResponse}. */
  public static final class Builder extends ImmutableQueueSubmitResponse.Builder {
    Builder() {}
  }
}
