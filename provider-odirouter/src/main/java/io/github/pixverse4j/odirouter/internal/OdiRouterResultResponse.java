package io.github.pixverse4j.odirouter.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** A successful (2xx) answer of {@code GET …/requests/{id}/response}. */
@Value.Immutable
@JsonSerialize(as = ImmutableOdiRouterResultResponse.class)
@JsonDeserialize(as = ImmutableOdiRouterResultResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class OdiRouterResultResponse {
  OdiRouterResultResponse() {}

  public static Builder builder() {
    return new Builder();
  }

  @JsonProperty("video")
  @Nullable
  public abstract OdiRouterVideoFile video();

  @JsonProperty("seed")
  @Nullable
  public abstract Long seed();

  /** Builds an {@link OdiRouterResultResponse}. */
  public static final class Builder extends ImmutableOdiRouterResultResponse.Builder {
    Builder() {}
  }
}
