package io.github.pixverse4j.v3async.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** The error envelope {@code {code, reason, message, metadata}}; metadata is not used. */
@Value.Immutable
@JsonSerialize(as = ImmutableV3AsyncErrorBody.class)
@JsonDeserialize(as = ImmutableV3AsyncErrorBody.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class V3AsyncErrorBody {
  V3AsyncErrorBody() {}

  /** Usually the HTTP status again. */
  @JsonProperty("code")
  @Nullable
  public abstract Integer code();

  /** Such as {@code BILLING_BALANCE_NOT_ENOUGH}. */
  @JsonProperty("reason")
  @Nullable
  public abstract String reason();

  @JsonProperty("message")
  @Nullable
  public abstract String message();
}
