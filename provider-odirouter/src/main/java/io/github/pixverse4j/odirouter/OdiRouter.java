package io.github.pixverse4j.odirouter;

import io.github.pixverse4j.api.ImageFormat;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.queue.QueueProtocol;

/**
 * Entry point for the OdiRouter queue API, which runs PixVerse V6 image-to-video: {@code
 * OdiRouter.builder().apiKey(key).build()}.
 *
 * <p>The image must be a public http(s) URL (OdiRouter downloads it); local files and bytes are
 * refused before anything is sent. The protocol is fal's queue, configured as {@link #PROTOCOL}.
 */
public final class OdiRouter {
  /** The id in every {@link io.github.pixverse4j.api.TaskHandle} of this provider. */
  public static final String PROVIDER_ID = "odirouter";

  /** OdiRouter's name for the model, the last segment of the submit path. */
  public static final String MODEL = "pixverse_v6_i2v";

  public static final String DEFAULT_BASE_URL = "https://odirouter.ai/model";

  /** What OdiRouter's PixVerse V6 endpoint accepts. */
  public static final ProviderCapabilities CAPABILITIES =
      ProviderCapabilities.builder()
          .providerId(PROVIDER_ID)
          .model(MODEL)
          .maxPromptLength(5000)
          .durationRange(1, 15)
          .allQualities()
          .addImageKinds(ImageInput.Kind.URL)
          // OdiRouter's page: it uploads the image to PixVerse, which takes JPG, PNG and WebP.
          .addImageFormats(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP)
          .supportsSeed(true)
          .supportsAudio(true)
          .supportsMultiClip(true)
          .supportsCancel(true)
          .build();

  /**
   * OdiRouter as a configuration of the queue protocol family: its paths, Bearer auth, fal's error
   * fields.
   */
  public static final QueueProtocol PROTOCOL =
      QueueProtocol.builder()
          .providerId(PROVIDER_ID)
          .model(MODEL)
          .defaultBaseUrl(DEFAULT_BASE_URL)
          .submitPath("v1/queue/" + MODEL)
          .authScheme("Bearer")
          .capabilities(CAPABILITIES)
          .build();

  private OdiRouter() {}

  /** A builder; only the API key is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** What OdiRouter's PixVerse V6 endpoint accepts. */
  public static ProviderCapabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * Builds a {@link VideoClient} for OdiRouter; the default base URL is {@value #DEFAULT_BASE_URL}.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    Builder() {
      super(DEFAULT_BASE_URL, new OdiRouterProviderFactory());
    }

    @Override
    public VideoClient build() {
      return DaggerOdiRouterComponent.factory().create(config()).client();
    }
  }
}
