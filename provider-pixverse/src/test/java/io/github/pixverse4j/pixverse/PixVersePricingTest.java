package io.github.pixverse4j.pixverse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.price.CostEstimate;
import io.github.pixverse4j.client.price.PriceSettings;
import io.github.pixverse4j.client.price.PriceTable;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The platform's credit tables, cell by cell (provider-pixverse/README.md, "Prices"). */
class PixVersePricingTest {
  private final VideoProviderFactory factory = new PixVerseProviderFactory();

  private static ImageToVideoRequest generate(
      String model, String quality, int seconds, String motion, boolean audio) {
    return ImageToVideoRequest.builder()
        .prompt("p")
        .image(ImageInput.url("https://example.com/a.png"))
        .model(Model.of(model))
        .quality(Quality.parse(quality))
        .durationSeconds(seconds)
        .motionMode(MotionMode.valueOf(motion.toUpperCase(java.util.Locale.ROOT)))
        .audio(audio)
        .build();
  }

  private static ExtendVideoRequest extend(
      String model, String quality, int seconds, String motion) {
    return ExtendVideoRequest.builder()
        .source(VideoSource.providerMediaId(1L))
        .prompt("p")
        .model(Model.of(model))
        .quality(Quality.parse(quality))
        .durationSeconds(seconds)
        .motionMode(MotionMode.valueOf(motion.toUpperCase(java.util.Locale.ROOT)))
        .build();
  }

  // The pricing page: "V5 | Turbo (360p) | | 5s | 45" ... "V4.5 / V4 / V3.5 | 1080P | normal | 5s
  // | 120"; V6 per second (assumed): 360p 5/7, 540p 7/9, 720p 9/12, 1080p 18/23.
  @ParameterizedTest(name = "{0} {1} {2}s {3} audio={4}: {5} credits")
  @CsvSource({
    "v6, 360p, 5, normal, false, 25",
    "v6, 360p, 5, normal, true, 35",
    "v6, 540p, 1, normal, false, 7",
    "v6, 540p, 1, normal, true, 9",
    "v6, 720p, 8, normal, false, 72",
    "v6, 720p, 5, normal, true, 60",
    "v6, 1080p, 15, normal, false, 270",
    "v6, 1080p, 10, normal, true, 230",
    "v5, 360p, 5, normal, false, 45",
    "v5, 360p, 8, normal, false, 90",
    "v5, 540p, 5, normal, false, 45",
    "v5, 540p, 8, normal, false, 90",
    "v5, 720p, 5, normal, false, 60",
    "v5, 720p, 8, normal, false, 120",
    "v5, 1080p, 5, normal, false, 120",
    "v5, 1080p, 8, normal, false, 240",
    "v4.5, 360p, 5, normal, false, 45",
    "v4.5, 360p, 5, fast, false, 90",
    "v4.5, 360p, 8, normal, false, 90",
    "v4.5, 540p, 5, normal, false, 45",
    "v4.5, 540p, 5, fast, false, 90",
    "v4.5, 540p, 8, normal, false, 90",
    "v4.5, 720p, 5, normal, false, 60",
    "v4.5, 720p, 5, fast, false, 120",
    "v4.5, 720p, 8, normal, false, 120",
    "v4.5, 1080p, 5, normal, false, 120",
    "v4, 540p, 5, fast, false, 90",
    "v4, 720p, 8, normal, false, 120",
    "v4, 1080p, 5, normal, false, 120",
    "v3.5, 360p, 5, normal, false, 45",
    "v3.5, 720p, 5, fast, false, 120",
    "v3.5, 1080p, 5, normal, false, 120"
  })
  @DisplayName("every cell of the tables, in credits and in dollars at 0.01 per credit")
  void cells(
      String model, String quality, int seconds, String motion, boolean audio, BigDecimal credits) {
    CostEstimate e =
        factory
            .estimate(generate(model, quality, seconds, motion, audio), PriceSettings.DEFAULT)
            .orElseThrow(AssertionError::new);
    assertThat(e.credits()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo(credits));
    assertThat(e.usd()).isEqualByComparingTo(credits.multiply(new BigDecimal("0.01")));
    assertThat(factory.estimateUsd(generate(model, quality, seconds, motion, audio)))
        .hasValueSatisfying(u -> assertThat(u).isEqualByComparingTo(e.usd()));
    assertThat(e.basis()).startsWith("pixverse's published prices (as of ");
  }

  @ParameterizedTest(name = "extend {0} {1} {2}s {3}: {4} credits")
  @CsvSource({
    "v4.5, 540p, 5, normal, 45",
    "v4.5, 540p, 8, normal, 90",
    "v4.5, 720p, 5, fast, 120",
    "v4.5, 1080p, 5, normal, 120",
    "v5, 1080p, 8, normal, 240",
    "v6, 720p, 10, normal, 90"
  })
  @DisplayName("an extend is priced by the same tables")
  void extendCells(String model, String quality, int seconds, String motion, BigDecimal credits) {
    CostEstimate e =
        factory
            .estimate(extend(model, quality, seconds, motion), PriceSettings.DEFAULT)
            .orElseThrow(AssertionError::new);
    assertThat(e.credits()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo(credits));
    assertThat(factory.estimateUsd(extend(model, quality, seconds, motion)))
        .hasValueSatisfying(
            u -> assertThat(u).isEqualByComparingTo(credits.multiply(new BigDecimal("0.01"))));
  }

  @ParameterizedTest(name = "{0} {1} {2}s {3}: no price")
  @CsvSource({
    "v4.5, 1080p, 8, normal",
    "v4.5, 720p, 8, fast",
    "v4.5, 1080p, 5, fast",
    "v5, 720p, 6, normal",
    "v7, 720p, 5, normal"
  })
  @DisplayName("a combination the tables do not list has no estimate (not a guess)")
  void unlisted(String model, String quality, int seconds, String motion) {
    assertThat(
            factory.estimate(
                generate(model, quality, seconds, motion, false), PriceSettings.DEFAULT))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "unset values are what is sent: v4.5, 5 s, 540p, normal motion; 45 credits = 0.45 USD")
  void defaults() {
    ImageToVideoRequest r =
        ImageToVideoRequest.builder()
            .prompt("p")
            .image(ImageInput.url("https://example.com/a.png"))
            .build();
    CostEstimate e = factory.estimate(r, PriceSettings.DEFAULT).get();
    assertThat(e.amountText()).isEqualTo("45 credits = 0.45 USD at 0.01 USD per credit");
  }

  @Test
  @DisplayName("the credit price is a setting: on a plan at 0.008 USD, 60 credits cost 0.48 USD")
  void creditPrice() {
    CostEstimate e =
        factory
            .estimate(
                generate("v4.5", "720p", 5, "normal", false),
                PriceSettings.DEFAULT.withUsdPerCredit(new BigDecimal("0.008")))
            .get();
    assertThat(e.usd()).isEqualByComparingTo("0.48");
    assertThat(e.amountText()).isEqualTo("60 credits = 0.48 USD at 0.008 USD per credit");
  }

  @Test
  @DisplayName("a user's table in USD overrides the published credits where it matches")
  void userTable() {
    PriceTable mine = PriceTable.parse("provider=pixverse quality=720p 0.50/video", "mine.txt");
    CostEstimate e =
        factory
            .estimate(
                generate("v4.5", "720p", 5, "normal", false),
                PriceSettings.DEFAULT.withPriceTable(mine))
            .get();
    assertThat(e.usd()).isEqualByComparingTo("0.50");
    assertThat(e.credits()).isEmpty();
    assertThat(e.basis()).isEqualTo("the prices in mine.txt (line 1)");
  }

  @Test
  @DisplayName("the description lists the tables in credits, with the price of a credit and date")
  void description() {
    assertThat(factory.priceDescription().get())
        .startsWith("credits (0.01 USD each): v6 per second of video: 360p 5 (7 with audio)")
        .contains("1080p 18 (23 with audio)")
        .contains("v5 per video: 360p 5s 45, 360p 8s 90")
        .contains("1080p 8s 240")
        .contains("v4.5/v4/v3.5 per video: 360p 5s 45, 360p fast 5s 90, 360p 8s 90")
        .endsWith("; as of " + PixVersePricing.PRICES_AS_OF);
    assertThat(factory.publishedPrices()).contains(PixVersePricing.TABLE);
  }
}
