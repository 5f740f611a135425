package io.github.pixverse4j.v3async;

import io.github.pixverse4j.api.Constraint;
import io.github.pixverse4j.api.ImageFormat;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.Violation;
import java.util.Optional;

/**
 * A PixVerse image-to-video model of the v3 async API, named by its path segment in {@code POST
 * /v3/async/{model}}. Each has its own request fields and limits; see {@link #capabilities}.
 */
public enum V3AsyncModel {
  /** PixVerse V6 ({@code pixverse-v6-i2v}), as served by highwayapi. */
  PIXVERSE_V6_I2V("pixverse-v6-i2v", Model.V6),
  /** PixVerse V4.5 ({@code pixverse-v4.5-i2v}), as served by myrouter. */
  PIXVERSE_V4_5_I2V("pixverse-v4.5-i2v", Model.V4_5);

  /** The style presets of the V4.5 endpoint. */
  static final String[] V4_5_STYLES = {"anime", "3d_animation", "clay", "comic", "cyberpunk"};

  private final String path;
  private final Model version;

  V3AsyncModel(String path, Model version) {
    this.path = path;
    this.version = version;
  }

  /** The path segment, such as {@code "pixverse-v4.5-i2v"}; also the model of every handle. */
  public String path() {
    return path;
  }

  /** The PixVerse version, such as {@link Model#V6}; a request may name it or leave it unset. */
  public Model version() {
    return version;
  }

  /** The model whose {@link #path()} is {@code path}. */
  public static Optional<V3AsyncModel> fromPath(String path) {
    if (path == null) throw new NullPointerException("path == null");
    for (V3AsyncModel m : values()) {
      if (m.path.equals(path)) return Optional.of(m);
    }
    return Optional.empty();
  }

  /**
   * What this model accepts, exactly as its provider page documents it. Images are URLs only: the
   * pages document no upload and no base64 form.
   *
   * @param providerId the id that appears in handles and messages, such as {@code "highway"}
   */
  public ProviderCapabilities capabilities(String providerId) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    ProviderCapabilities.Builder b =
        ProviderCapabilities.builder()
            .providerId(providerId)
            .model(path)
            .addImageKinds(ImageInput.Kind.URL)
            // Both hosts' pages: .jpg, .jpeg and .png.
            .addImageFormats(ImageFormat.JPEG, ImageFormat.PNG)
            .supportsSeed(true)
            .allQualities()
            .addModels(version)
            .supportsCancel(false)
            .supportsWebhooks(true);
    switch (this) {
      case PIXVERSE_V6_I2V:
        // The page gives the prompt "Length limit: 0 - 2500": the image alone may drive the motion.
        return b.maxPromptLength(2500)
            .allowsEmptyPrompt(true)
            .maxNegativePromptLength(2500)
            .durationRange(1, 15)
            .defaultDurationSeconds(5)
            .defaultQuality(Quality.P720)
            .supportsCfgScale(true)
            .supportsThinkingType(true)
            .supportsAudio(true)
            .build();
      case PIXVERSE_V4_5_I2V:
        return b.maxPromptLength(2048)
            .maxNegativePromptLength(2048)
            .defaultQuality(Quality.P540)
            .supportsFastMode(true)
            .addStyles(V4_5_STYLES)
            .addConstraints(fastModeNot1080p(providerId))
            .build();
      default:
        throw new AssertionError(this);
    }
  }

  private Constraint fastModeNot1080p(String providerId) {
    String where = providerId + " (" + path + ")";
    return Constraint.of(
        "fast mode is not available at 1080p",
        new java.util.LinkedHashSet<>(java.util.Arrays.asList("fastMode", "quality")),
        request -> {
          boolean fast = request.fastMode().orElse(false);
          boolean fullHd = request.quality().map(q -> q == Quality.P1080).orElse(false);
          if (!fast || !fullHd) return Optional.empty();
          return Optional.of(
              Violation.of(
                  "fastMode",
                  "not with 1080p",
                  "fast mode at 1080p",
                  "Fast mode is not available at 1080p for "
                      + where
                      + "; choose 360p, 540p or 720p, or turn fast mode off."));
        });
  }

  @Override
  public String toString() {
    return path;
  }
}
