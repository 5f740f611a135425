package io.github.pixverse4j.queue.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.pixverse4j.client.provider.LenientNumbers;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** The {@code video} object of a successful result. */
@Value.Immutable
@JsonSerialize(as = ImmutableQueueVideoFile.class)
@JsonDeserialize(as = ImmutableQueueVideoFile.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class QueueVideoFile {
  QueueVideoFile() {}

  public static Builder builder() {
    return new Builder();
  }

  @JsonProperty("url")
  @Nullable
  public abstract String url();

  @JsonProperty("content_type")
  @Nullable
  public abstract String contentType();

  @JsonProperty("file_name")
  @Nullable
  public abstract String fileName();

  /** Bytes. */
  @JsonProperty("file_size")
  @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
  @Nullable
  public abstract Long fileSize();

  /** Builds an {@link QueueVideoFile}. */
  public static final class Builder extends ImmutableQueueVideoFile.Builder {
    Builder() {}
  }
}
