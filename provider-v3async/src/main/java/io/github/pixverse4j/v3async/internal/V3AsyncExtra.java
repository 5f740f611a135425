package io.github.pixverse4j.v3async.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** The {@code extra} object of a task result; only the seed is used. */
@Value.Immutable
@JsonSerialize(as = ImmutableV3AsyncExtra.class)
@JsonDeserialize(as = ImmutableV3AsyncExtra.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class V3AsyncExtra {
  V3AsyncExtra() {}

  /** Sent as a string or a number, depending on the host. */
  @JsonProperty("seed")
  @Nullable
  public abstract String seed();
}
