package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.client.price.PriceSettings;
import io.github.pixverse4j.client.price.PriceTable;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The estimate methods a factory inherits: a provider that publishes nothing has no estimate unless
 * the user's table prices it; one that only overrides publishedPrices() gets estimates, extend
 * estimates and a description from it.
 */
class VideoProviderFactoryPricesTest {
  /** A provider with the given capabilities and published prices (none when null). */
  private static VideoProviderFactory factory(ProviderCapabilities caps, PriceTable published) {
    return new VideoProviderFactory() {
      @Override
      public String id() {
        return caps.providerId();
      }

      @Override
      public String displayName() {
        return "test";
      }

      @Override
      public String apiKeyEnvironmentVariable() {
        return "TEST_API_KEY";
      }

      @Override
      public String defaultBaseUrl() {
        return "http://127.0.0.1:1";
      }

      @Override
      public ProviderCapabilities capabilities() {
        return caps;
      }

      @Override
      public VideoClient create(ClientConfig config) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<PriceTable> publishedPrices() {
        return Optional.ofNullable(published);
      }
    };
  }

  private static ProviderCapabilities caps(boolean extend) {
    ProviderCapabilities.Builder b =
        ProviderCapabilities.builder()
            .providerId("acme")
            .model("acme-1")
            .maxPromptLength(100)
            .addDurationsSeconds(5, 10)
            .defaultDurationSeconds(5)
            .allQualities()
            .defaultQuality(Quality.P540)
            .addImageKinds(ImageInput.Kind.URL);
    if (extend) b.addExtendSourceKinds(VideoSource.Kind.URL);
    return b.build();
  }

  private static final ImageToVideoRequest GENERATE =
      ImageToVideoRequest.builder()
          .prompt("p")
          .image(ImageInput.url("https://example.com/a.png"))
          .durationSeconds(10)
          .build();
  private static final ExtendVideoRequest EXTEND =
      ExtendVideoRequest.builder()
          .source(VideoSource.url("https://example.com/a.mp4"))
          .prompt("p")
          .build();

  @Test
  @DisplayName("no published prices: no estimate, no description; the user's table gives one")
  void nothingPublished() {
    VideoProviderFactory f = factory(caps(true), null);
    assertThat(f.estimateUsd(GENERATE)).isEmpty();
    assertThat(f.estimateUsd(EXTEND)).isEmpty();
    assertThat(f.priceDescription()).isEmpty();
    PriceSettings mine =
        PriceSettings.DEFAULT.withPriceTable(PriceTable.parse("provider=acme 0.04/s", "mine.txt"));
    assertThat(f.estimate(GENERATE, mine).get().usd()).isEqualByComparingTo("0.40");
    assertThat(f.estimate(EXTEND, mine).get().usd()).isEqualByComparingTo("0.20");
    PriceSettings other =
        PriceSettings.DEFAULT.withPriceTable(PriceTable.parse("provider=gmi 0.04/s", "o.txt"));
    assertThat(f.estimate(GENERATE, other)).isEmpty();
  }

  @Test
  @DisplayName("published prices alone give estimates for generate and extend, and a description")
  void published() {
    PriceTable table =
        PriceTable.builder(PriceTable.Unit.USD, "acme page")
            .add(PriceTable.Rate.perSecond(new BigDecimal("0.03")))
            .build();
    VideoProviderFactory f = factory(caps(true), table);
    assertThat(f.estimateUsd(GENERATE)).hasValue(new BigDecimal("0.30"));
    assertThat(f.estimateUsd(EXTEND)).hasValue(new BigDecimal("0.15"));
    assertThat(f.priceDescription()).hasValue("USD per second of video: 0.03");
    assertThat(factory(caps(false), table).estimateUsd(EXTEND)).isEmpty();
    assertThat(factory(caps(false), table).estimateUsd(GENERATE)).isPresent();
  }
}
