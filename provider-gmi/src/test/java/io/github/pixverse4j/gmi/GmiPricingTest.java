package io.github.pixverse4j.gmi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Quality;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GmiPricingTest {
  private static ImageToVideoRequest.Builder request() {
    return ImageToVideoRequest.builder()
        .prompt("p")
        .image(ImageInput.url("https://example.com/a.png"));
  }

  // The doc: "360p: $0.025($0.035 with audio). 540p: $0.035($0.045). 720p: $0.045(0.06). 1080p:
  // $0.09($0.115)".
  @ParameterizedTest(name = "{0}: {1} per second, {2} with audio")
  @CsvSource({
    "360p, 0.025, 0.035",
    "540p, 0.035, 0.045",
    "720p, 0.045, 0.06",
    "1080p, 0.09, 0.115"
  })
  @DisplayName("the per-second rates are the doc's table")
  void docTable(String quality, BigDecimal silent, BigDecimal audio) {
    Quality q = Quality.parse(quality);
    assertThat(GmiPricing.usdPerSecond(q, false)).isEqualByComparingTo(silent);
    assertThat(GmiPricing.usdPerSecond(q, true)).isEqualByComparingTo(audio);
  }

  @ParameterizedTest(name = "{0} s at {1}, audio {2}: ${3}")
  @CsvSource({
    "1, 360p, false, 0.025",
    "5, 1080p, true, 0.575",
    "8, 720p, true, 0.48",
    "15, 1080p, true, 1.725",
    "15, 540p, false, 0.525"
  })
  @DisplayName("an estimate is duration × rate")
  void estimate(int seconds, String quality, boolean audio, BigDecimal usd) {
    ImageToVideoRequest r =
        request().durationSeconds(seconds).quality(Quality.parse(quality)).audio(audio).build();
    assertThat(GmiPricing.estimateUsd(r)).isEqualByComparingTo(usd);
    assertThat(GmiCloud.estimateUsd(r)).isEqualByComparingTo(usd);
  }

  @Test
  @DisplayName(
      "unset duration, quality and audio are priced as what is sent: 5 s at 540p without audio")
  void defaults() {
    assertThat(GmiPricing.estimateUsd(request().build())).isEqualByComparingTo("0.175");
    assertThat(GmiPricing.estimateUsd(request().audio(true).build())).isEqualByComparingTo("0.225");
  }

  @Test
  @DisplayName("the table's date is the page's source_updated_at")
  void date() {
    assertThat(GmiPricing.PRICES_AS_OF)
        .isEqualTo(LocalDate.ofInstant(Instant.ofEpochSecond(1780650820L), ZoneOffset.UTC));
    assertThat(GmiPricing.SOURCE).contains("pixverse-v6-i2v");
  }

  @Test
  @DisplayName(
      "GMI has no extend here, so an extend has no estimate; the table is the published one")
  void noExtend() {
    GmiProviderFactory f = new GmiProviderFactory();
    io.github.pixverse4j.api.ExtendVideoRequest extend =
        io.github.pixverse4j.api.ExtendVideoRequest.builder()
            .source(io.github.pixverse4j.api.VideoSource.url("https://example.com/a.mp4"))
            .prompt("p")
            .durationSeconds(5)
            .build();
    assertThat(f.estimateUsd(extend)).isEmpty();
    assertThat(
            f.estimate(
                extend,
                io.github.pixverse4j.client.price.PriceSettings.DEFAULT.withPriceTable(
                    io.github.pixverse4j.client.price.PriceTable.parse("0.05/s", "mine.txt"))))
        .isEmpty();
    assertThat(f.publishedPrices()).contains(GmiPricing.TABLE);
    assertThat(
            f.estimate(request().build(), io.github.pixverse4j.client.price.PriceSettings.DEFAULT)
                .get()
                .basis())
        .isEqualTo("gmi's published prices (as of 2026-06-05)");
  }
}
