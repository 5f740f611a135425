package io.github.pixverse4j.client.price;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a request would make, in the terms prices depend on: provider, operation, model, quality,
 * length, audio and motion mode. Values the request leaves unset are what the provider's {@link
 * ProviderCapabilities} say it uses by default; a value neither gives is empty, and a rate that
 * names it does not match.
 */
public final class PriceQuery {
  /** Which kind of job is priced. */
  public enum Operation {
    /** Image-to-video ({@link ImageToVideoRequest}). */
    GENERATE,
    /** Continuing a video ({@link ExtendVideoRequest}). */
    EXTEND;

    /** The name price tables use: {@code generate} or {@code extend}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String providerId;
  private final Operation operation;
  private final @Nullable Model model;
  private final @Nullable Quality quality;
  private final @Nullable Long durationSeconds;
  private final boolean audio;
  private final MotionMode motionMode;

  private PriceQuery(
      String providerId,
      Operation operation,
      @Nullable Model model,
      @Nullable Quality quality,
      @Nullable Long durationSeconds,
      boolean audio,
      MotionMode motionMode) {
    this.providerId = providerId;
    this.operation = operation;
    this.model = model;
    this.quality = quality;
    this.durationSeconds = durationSeconds;
    this.audio = audio;
    this.motionMode = motionMode;
  }

  /** The query for an image-to-video request sent to the provider of {@code capabilities}. */
  public static PriceQuery of(ImageToVideoRequest request, ProviderCapabilities capabilities) {
    if (request == null) throw new NullPointerException("request == null");
    if (capabilities == null) throw new NullPointerException("capabilities == null");
    return new PriceQuery(
        capabilities.providerId(),
        Operation.GENERATE,
        request.model().orElse(defaultModel(capabilities)),
        request.quality().orElse(capabilities.defaultQuality().orElse(null)),
        request.durationSeconds().orElse(defaultSeconds(capabilities)),
        request.audio().orElse(false),
        request.motionMode().orElse(MotionMode.NORMAL));
  }

  /**
   * The query for an extend sent to the provider of {@code capabilities}; an extend has no audio
   * setting, so it is priced without audio.
   */
  public static PriceQuery of(ExtendVideoRequest request, ProviderCapabilities capabilities) {
    if (request == null) throw new NullPointerException("request == null");
    if (capabilities == null) throw new NullPointerException("capabilities == null");
    return new PriceQuery(
        capabilities.providerId(),
        Operation.EXTEND,
        request.model().orElse(defaultModel(capabilities)),
        request.quality().orElse(capabilities.defaultQuality().orElse(null)),
        request.durationSeconds().orElse(defaultSeconds(capabilities)),
        false,
        request.motionMode().orElse(MotionMode.NORMAL));
  }

  /**
   * The model a request without one gets: the only model the provider offers, or the one its
   * capabilities name as the default when that is among its models; null when neither says.
   */
  private static @Nullable Model defaultModel(ProviderCapabilities caps) {
    if (caps.models().size() == 1) return caps.models().iterator().next();
    for (Model m : caps.models()) {
      if (m.name().equalsIgnoreCase(caps.model())) return m;
    }
    return null;
  }

  private static @Nullable Long defaultSeconds(ProviderCapabilities caps) {
    return caps.defaultDurationSeconds().map(Integer::longValue).orElse(null);
  }

  /** The provider id, such as {@code "gmi"}. */
  public String providerId() {
    return providerId;
  }

  public Operation operation() {
    return operation;
  }

  /** The model version; empty when neither the request nor the provider names one. */
  public Optional<Model> model() {
    return Optional.ofNullable(model);
  }

  /** The quality; empty when neither the request nor the provider's default gives one. */
  public Optional<Quality> quality() {
    return Optional.ofNullable(quality);
  }

  /**
   * The video length in seconds; empty when neither the request nor the provider's default gives
   * one (then a per-second rate cannot price it).
   */
  public Optional<Long> durationSeconds() {
    return Optional.ofNullable(durationSeconds);
  }

  /** Whether sound is generated too. */
  public boolean audio() {
    return audio;
  }

  /** The motion mode, {@code NORMAL} when unset. */
  public MotionMode motionMode() {
    return motionMode;
  }

  @Override
  public String toString() {
    return providerId
        + " "
        + operation.label()
        + " model="
        + model
        + " quality="
        + quality
        + " duration="
        + durationSeconds
        + " audio="
        + audio
        + " motion="
        + motionMode.wireName();
  }
}
