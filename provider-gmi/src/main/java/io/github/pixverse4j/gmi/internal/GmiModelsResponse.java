package io.github.pixverse4j.gmi.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** Answer of {@code GET /models}. */
@Value.Immutable
@JsonSerialize(as = ImmutableGmiModelsResponse.class)
@JsonDeserialize(as = ImmutableGmiModelsResponse.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class GmiModelsResponse {
  GmiModelsResponse() {}

  @JsonProperty("model_ids")
  @Nullable
  public abstract List<String> modelIds();
}
