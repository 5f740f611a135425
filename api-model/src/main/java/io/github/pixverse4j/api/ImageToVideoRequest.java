package io.github.pixverse4j.api;

import io.github.pixverse4j.api.internal.DurationText;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One image-to-video job: the start image, a prompt, and optional settings. Anything left unset
 * means "the provider's default" and is not sent. Which settings a provider accepts is described by
 * its {@link ProviderCapabilities}; the client checks them before sending anything.
 */
@Value.Immutable
public abstract class ImageToVideoRequest {
  ImageToVideoRequest() {}

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The first frame of the video. */
  public abstract ImageInput image();

  /** What should happen in the video. */
  public abstract String prompt();

  /** What the video should avoid, where the provider supports it. */
  public abstract Optional<String> negativePrompt();

  /** Length of the video; providers accept whole seconds only. */
  public abstract Optional<Duration> duration();

  public abstract Optional<Quality> quality();

  /** Seed for reproducible results, 0 to 2147483647. */
  public abstract Optional<Long> seed();

  /** Whether to generate sound (background music and effects) with the video. */
  public abstract Optional<Boolean> audio();

  /** Whether to allow camera changes and transitions (several clips in one video). */
  public abstract Optional<Boolean> multiClip();

  /** Guidance strength: how closely the video follows the prompt, 0 to 1. */
  public abstract Optional<Double> cfgScale();

  /** Inference mode of PixVerse V6, such as {@code "auto"}. */
  public abstract Optional<String> thinkingType();

  /**
   * Style preset such as {@code anime}, {@code 3d_animation}, {@code clay}, {@code comic}, {@code
   * cyberpunk}.
   */
  public abstract Optional<String> style();

  public abstract Optional<MotionMode> motionMode();

  /** Faster, cheaper generation at some cost in quality (v4.5 on the v3 async hosts). */
  public abstract Optional<Boolean> fastMode();

  /** The model version; each provider has a default. */
  public abstract Optional<Model> model();

  /** A PixVerse effect template id. */
  public abstract Optional<String> templateId();

  /** The duration in whole seconds, if one was set. */
  public final Optional<Long> durationSeconds() {
    return duration().map(Duration::getSeconds);
  }

  @Value.Check
  void check() {
    checkDuration(duration());
  }

  static void checkDuration(Optional<Duration> duration) {
    if (duration.isPresent()) {
      Duration d = duration.get();
      if (d.isNegative() || d.isZero()) {
        throw new IllegalStateException("duration must be positive, got " + DurationText.of(d));
      }
    }
  }

  /** Builds an {@link ImageToVideoRequest}; {@code image} and {@code prompt} are required. */
  public static final class Builder extends ImmutableImageToVideoRequest.Builder {
    Builder() {}

    /** Sets the duration in whole seconds. */
    public Builder durationSeconds(long seconds) {
      duration(Duration.ofSeconds(seconds));
      return this;
    }
  }
}
