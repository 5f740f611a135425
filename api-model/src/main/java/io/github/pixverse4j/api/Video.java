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

  /**
   * Where to download the video, safe to print and store. Often a presigned URL that expires: see
   * {@link #expiresAt()}. When the provider put the API key into the URL, the key is masked here
   * ({@code ****}) and the URL to fetch is {@link #downloadUrl()}.
   */
  public abstract URI url();

  /**
   * The URL to fetch when it is not {@link #url()}: only when the provider put the API key into the
   * video URL (in its query, say), which {@code url()} shows masked. Never printed: it is left out
   * of {@code toString()}, {@code equals} and {@code hashCode}, and pixverse4j stores it nowhere (a
   * video read back from the journal has only {@code url()}; its download then reads the task's
   * status again for a fresh URL when the media host refuses the masked one).
   */
  @Value.Auxiliary
  @Value.Redacted
  public abstract Optional<URI> downloadUrl();

  /** {@link #downloadUrl()} when present, else {@link #url()}: what a download fetches. */
  public final URI fetchUrl() {
    return downloadUrl().orElse(url());
  }

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
