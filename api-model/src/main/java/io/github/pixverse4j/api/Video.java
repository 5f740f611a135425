package io.github.pixverse4j.api;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A generated video, where to fetch it, and what the provider says about it. */
@Value.Immutable
public abstract class Video {
  Video() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Shorthand for a video known only by its URL. */
  public static Video of(URI url) {
    return builder().url(url).build();
  }

  /** Where to download the video. Often a presigned URL that expires: see {@link #expiresAt()}. */
  public abstract URI url();

  public abstract Optional<Integer> width();

  public abstract Optional<Integer> height();

  /** Size in bytes. */
  public abstract Optional<Long> sizeBytes();

  /** Such as {@code video/mp4}. */
  public abstract Optional<String> contentType();

  /** The seed the provider used. */
  public abstract Optional<Long> seed();

  /** When the URL stops working, when the provider says so. */
  public abstract Optional<Instant> expiresAt();

  /** Builds a {@link Video}; {@code url} is required. */
  public static final class Builder extends ImmutableVideo.Builder {
    Builder() {}
  }
}
