package io.github.pixverse4j.api;

import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/** How far a video download has come. The last event of a download has {@link #done()} true. */
@Value.Immutable
public abstract class DownloadProgress {
  DownloadProgress() {}

  public static Builder builder() {
    return new Builder();
  }

  public abstract long bytesRead();

  /** The size announced by the server, when it announced one. */
  public abstract Optional<Long> totalBytes();

  /** Where the file is (or will be, once complete). */
  public abstract Path target();

  /** Whether the file is complete and in place at {@link #target()}. */
  @Value.Default
  public boolean done() {
    return false;
  }

  /** Fraction done from 0 to 1, when the total size is known. */
  public final Optional<Double> fraction() {
    return totalBytes().filter(t -> t > 0).map(t -> Math.min(1.0, bytesRead() / (double) t));
  }

  /** Builds a {@link DownloadProgress}. */
  public static final class Builder extends ImmutableDownloadProgress.Builder {
    Builder() {}
  }
}
