package io.github.pixverse4j.queue.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.pixverse4j.client.provider.LenientNumbers;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** A successful (2xx) answer of {@code GET …/requests/{id}/response}. */
@Value.Immutable
@JsonSerialize(as = ImmutableQueueResultResponse.class)
@JsonDeserialize(as = ImmutableQueueResultResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class QueueResultResponse {
  QueueResultResponse() {}

  public static Builder builder() {
    return new Builder();
  }

  @JsonProperty("video")
  @Nullable
  public abstract QueueVideoFile video();

  @JsonProperty("seed")
  @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
  @Nullable
  public abstract Long seed();

  /** Builds an {@link QueueResultResponse}. */
  public static final class Builder extends ImmutableQueueResultResponse.Builder {
    Builder() {}
  }
}
