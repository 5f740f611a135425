package io.github.pixverse4j.api;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One extend job: continue an existing video with a new prompt. The settings mean what they mean
 * for an {@link ImageToVideoRequest} and follow the same rules of the provider and model
 * (durations, qualities, "1080p has no 8 s" on PixVerse); unset means "the provider's default".
 * {@link ProviderCapabilities#validate(ExtendVideoRequest)} checks the source and the settings
 * before anything is sent; {@link ProviderCapabilities#supportsExtend()} says whether a provider
 * extends at all.
 */
@Value.Immutable
public abstract class ExtendVideoRequest {
  ExtendVideoRequest() {}

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The video to continue. */
  public abstract VideoSource source();

  /** What should happen next in the video. */
  public abstract String prompt();

  /** What the video should avoid, where the provider supports it. */
  public abstract Optional<String> negativePrompt();

  /** Length of the extension; providers accept whole seconds only. */
  public abstract Optional<Duration> duration();

  public abstract Optional<Quality> quality();

  /** Seed for reproducible results, 0 to 2147483647. */
  public abstract Optional<Long> seed();

  /** Style preset, as for {@link ImageToVideoRequest#style()}. */
  public abstract Optional<String> style();

  public abstract Optional<MotionMode> motionMode();

  /** The model version; each provider has a default. */
  public abstract Optional<Model> model();

  /** A PixVerse effect template id. */
  public abstract Optional<String> templateId();

  /** The duration in whole seconds, if one was set. */
  public final Optional<Long> durationSeconds() {
    return duration().map(Duration::getSeconds);
  }

  /**
   * The settings as an image-to-video request whose image is a placeholder URL, so that the
   * provider's settings rules and {@link Constraint}s apply to an extend unchanged. Not for
   * sending.
   */
  final ImageToVideoRequest settingsView() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://extend-source.invalid/"))
        .prompt(prompt())
        .negativePrompt(negativePrompt())
        .duration(duration())
        .quality(quality())
        .seed(seed())
        .style(style())
        .motionMode(motionMode())
        .model(model())
        .templateId(templateId())
        .build();
  }

  @Value.Check
  void check() {
    ImageToVideoRequest.checkDuration(duration());
  }

  /** Builds an {@link ExtendVideoRequest}; {@code source} and {@code prompt} are required. */
  public static final class Builder extends ImmutableExtendVideoRequest.Builder {
    Builder() {}

    /** Sets the duration in whole seconds. */
    public Builder durationSeconds(long seconds) {
      duration(Duration.ofSeconds(seconds));
      return this;
    }
  }
}
