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
 * A fal-style error body: {@code detail} is a list of {@code {loc, msg, type}} (input and model
 * errors, usually 422) or a text; {@code error_type} names infrastructure errors and is repeated in
 * the {@code X-Fal-Error-Type} header.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOdiRouterErrorBody.class)
@JsonDeserialize(as = ImmutableOdiRouterErrorBody.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class OdiRouterErrorBody {
  OdiRouterErrorBody() {}

  public static Builder builder() {
    return new Builder();
  }

  @JsonProperty("detail")
  @Nullable
  public abstract JsonNode detail();

  @JsonProperty("error_type")
  @Nullable
  public abstract String errorType();

  /** Builds an {@link OdiRouterErrorBody}. */
  public static final class Builder extends ImmutableOdiRouterErrorBody.Builder {
    Builder() {}
  }
}
