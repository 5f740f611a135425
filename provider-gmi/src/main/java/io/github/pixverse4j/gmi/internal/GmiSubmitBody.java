package io.github.pixverse4j.gmi.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Body of {@code POST /requests}: which model, and its input. */
@Value.Immutable
@JsonSerialize(as = ImmutableGmiSubmitBody.class)
@JsonDeserialize(as = ImmutableGmiSubmitBody.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "payload"})
public abstract class GmiSubmitBody {
  GmiSubmitBody() {}

  /** Such as {@code pixverse-v6-i2v}. */
  @JsonProperty("model")
  public abstract String model();

  @JsonProperty("payload")
  public abstract GmiPayload payload();
}
