package io.github.pixverse4j.gmi;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.client.VideoClient;
import java.math.BigDecimal;

/**
 * Entry point for GMI Cloud's request queue, which runs PixVerse V6 image-to-video ({@code
 * pixverse-v6-i2v}).
 *
 * <pre>{@code
 * VideoClient client = GmiCloud.builder().apiKey(System.getenv("GMI_API_KEY")).build();
 * }</pre>
 *
 * <p>GMI takes the start image as a public URL only, and has no cancel operation. Duration and
 * quality default to 5 s and 540p, GMI's documented defaults, which are sent when unset.
 */
public final class GmiCloud {
  /** The id in every {@link io.github.pixverse4j.api.TaskHandle} of this provider. */
  public static final String PROVIDER_ID = "gmi";

  /** GMI's name for PixVerse V6 image-to-video. */
  public static final String MODEL = "pixverse-v6-i2v";

  /**
   * What pixverse-v6-i2v on GMI accepts. The doc lists duration and quality as required but with
   * defaults (5 s, 540p); when a request leaves them unset those defaults are sent, so the request
   * never depends on how GMI treats a missing required field and the price estimate matches.
   */
  public static final ProviderCapabilities CAPABILITIES =
      ProviderCapabilities.builder()
          .providerId(PROVIDER_ID)
          .model(MODEL)
          .maxPromptLength(5000)
          // The doc's default prompt is "", so GMI accepts an empty one.
          .allowsEmptyPrompt(true)
          .durationRange(1, 15)
          .defaultDurationSeconds(5)
          .allQualities()
          .defaultQuality(Quality.P540)
          .addImageKinds(ImageInput.Kind.URL)
          // GMI's page names no image formats: imageFormats stays empty and GMI judges the image.
          .supportsSeed(true)
          .supportsAudio(true)
          .supportsMultiClip(true)
          .addModels(Model.V6)
          .supportsCancel(false)
          .build();

  /** GMI's request-queue base URL. */
  public static final String DEFAULT_BASE_URL =
      "https://console.gmicloud.ai/api/v1/ie/requestqueue/apikey";

  private GmiCloud() {}

  public static Builder builder() {
    return new Builder();
  }

  /** What GMI's pixverse-v6-i2v accepts. */
  public static ProviderCapabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * The price of {@code request} in US dollars at GMI's published rates, before submitting; see
   * {@link GmiPricing#estimateUsd}.
   */
  public static BigDecimal estimateUsd(ImageToVideoRequest request) {
    return GmiPricing.estimateUsd(request);
  }

  static String checkOrganizationId(String organizationId) {
    if (organizationId == null) throw new NullPointerException("organizationId == null");
    String id = organizationId.trim();
    if (id.isEmpty()) throw new IllegalArgumentException("organizationId is blank");
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException(
            "organizationId contains a character that cannot be sent in an HTTP header (position "
                + (i + 1)
                + ")");
      }
    }
    return id;
  }

  /**
   * Builds a {@link VideoClient} (or a bare {@link GmiProvider}) for GMI; only the API key is
   * required.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String organizationId;

    Builder() {
      super(DEFAULT_BASE_URL, new GmiProviderFactory());
    }

    /**
     * The organization to act for, sent as GMI's {@code X-Organization-ID} header; only needed when
     * the key belongs to several organizations.
     */
    public Builder organizationId(String organizationId) {
      this.organizationId = checkOrganizationId(organizationId);
      return this;
    }

    @Override
    public VideoClient build() {
      return component().client();
    }

    /** The provider alone, for {@link GmiProvider#listModels()} or your own {@link VideoClient}. */
    public GmiProvider buildProvider() {
      return component().provider();
    }

    private GmiComponent component() {
      GmiModule module = organizationId == null ? new GmiModule() : new GmiModule(organizationId);
      return DaggerGmiComponent.factory().create(config(), module);
    }
  }
}
