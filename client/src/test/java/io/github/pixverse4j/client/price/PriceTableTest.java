package io.github.pixverse4j.client.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.VideoSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceTableTest {
  static final ProviderCapabilities ODI =
      ProviderCapabilities.builder()
          .providerId("odirouter")
          .model("pixverse_v6_i2v")
          .maxPromptLength(100)
          .addDurationsSeconds(1, 5, 8, 15)
          .defaultDurationSeconds(5)
          .allQualities()
          .defaultQuality(Quality.P720)
          .addImageKinds(ImageInput.Kind.URL)
          .supportsAudio(true)
          .addModels(Model.V6)
          .build();

  static final String TABLE =
      String.join(
          "\n",
          "# OdiRouter, from my invoice",
          "unit usd",
          "as-of 2026-12-01",
          "source my OdiRouter invoice",
          "",
          "provider=odirouter 0.05/s                      # anything else",
          "provider=odirouter quality=1080p 0.09/s",
          "provider=odirouter quality=1080p audio=yes 0.12/s",
          "provider=myrouter quality=720p 0.80/video",
          "operation=extend provider=odirouter 0.5/video");

  static PriceQuery query(String quality, long seconds, boolean audio) {
    return PriceQuery.of(
        ImageToVideoRequest.builder()
            .prompt("p")
            .image(ImageInput.url("https://example.com/a.png"))
            .quality(Quality.parse(quality))
            .durationSeconds(seconds)
            .audio(audio)
            .build(),
        ODI);
  }

  @ParameterizedTest(name = "{0} {1}s audio={2}: {3} USD")
  @CsvSource({
    "360p, 5, false, 0.25",
    "720p, 8, true, 0.40",
    "1080p, 5, false, 0.45",
    "1080p, 10, true, 1.20"
  })
  @DisplayName("the rate naming the most matching conditions wins, whatever the order")
  void mostSpecificWins(String quality, long seconds, boolean audio, BigDecimal usd) {
    PriceTable t = PriceTable.parse(TABLE, "prices.txt");
    CostEstimate e =
        PriceSettings.DEFAULT
            .withPriceTable(t)
            .estimate(query(quality, seconds, audio), java.util.Optional.empty())
            .get();
    assertThat(e.usd()).isEqualByComparingTo(usd);
    assertThat(e.credits()).isEmpty();
    assertThat(e.basis()).startsWith("the prices in my OdiRouter invoice (line ");
  }

  @Test
  @DisplayName("the settings are read: unit, date, source; each rate keeps its line")
  void settings() {
    PriceTable t = PriceTable.parse(TABLE, "prices.txt");
    assertThat(t.unit()).isEqualTo(PriceTable.Unit.USD);
    assertThat(t.asOf()).contains(LocalDate.of(2026, 12, 1));
    assertThat(t.source()).isEqualTo("my OdiRouter invoice");
    assertThat(t.rates()).extracting(PriceTable.Rate::line).containsExactly(6, 7, 8, 9, 10);
    assertThat(t.find(query("1080p", 5, true)).get().line()).isEqualTo(8);
    assertThat(t.rates().get(1).toString()).isEqualTo("provider=odirouter quality=1080p 0.09/s");
    assertThat(t.covers("odirouter")).isTrue();
    assertThat(t.covers("gmi")).isFalse();
  }

  @Test
  @DisplayName("an extend is priced by an operation=extend rate; a generate is not")
  void operation() {
    PriceTable t = PriceTable.parse(TABLE, "prices.txt");
    ProviderCapabilities extending =
        ProviderCapabilities.builder().from(ODI).addExtendSourceKinds(VideoSource.Kind.URL).build();
    PriceQuery extend =
        PriceQuery.of(
            ExtendVideoRequest.builder()
                .source(VideoSource.url("https://example.com/a.mp4"))
                .prompt("p")
                .build(),
            extending);
    assertThat(extend.operation()).isEqualTo(PriceQuery.Operation.EXTEND);
    assertThat(t.find(extend).get().amount()).isEqualByComparingTo("0.5");
    assertThat(t.find(query("720p", 5, false)).get().amount()).isEqualByComparingTo("0.05");
  }

  @Test
  @DisplayName("unset values are the provider's defaults; the only model is the request's model")
  void defaults() {
    PriceQuery q =
        PriceQuery.of(
            ImageToVideoRequest.builder()
                .prompt("p")
                .image(ImageInput.url("https://example.com/a.png"))
                .build(),
            ODI);
    assertThat(q.quality()).contains(Quality.P720);
    assertThat(q.durationSeconds()).contains(5L);
    assertThat(q.model()).contains(Model.V6);
    assertThat(q.audio()).isFalse();
    assertThat(q.motionMode()).isEqualTo(MotionMode.NORMAL);
  }

  @Test
  @DisplayName("a per-second rate cannot price a job of unknown length; a per-video rate can")
  void unknownLength() {
    ProviderCapabilities noDuration =
        ProviderCapabilities.builder()
            .from(ODI)
            .durationsSeconds(java.util.Collections.emptySet())
            .defaultDurationSeconds(java.util.Optional.empty())
            .build();
    ImageToVideoRequest r =
        ImageToVideoRequest.builder()
            .prompt("p")
            .image(ImageInput.url("https://example.com/a.png"))
            .build();
    PriceTable perSecond = PriceTable.parse("0.05/s", "a.txt");
    PriceTable perVideo = PriceTable.parse("0.40/video", "b.txt");
    PriceQuery q = PriceQuery.of(r, noDuration);
    assertThat(
            PriceSettings.DEFAULT.withPriceTable(perSecond).estimate(q, java.util.Optional.empty()))
        .isEmpty();
    assertThat(
            PriceSettings.DEFAULT
                .withPriceTable(perVideo)
                .estimate(q, java.util.Optional.empty())
                .get()
                .usd())
        .isEqualByComparingTo("0.40");
  }

  @Test
  @DisplayName("a credits table converts at its usd-per-credit, or at the one the settings give")
  void credits() {
    PriceTable t =
        PriceTable.parse("unit credits\nusd-per-credit 0.01\nquality=720p 12/s\n", "c.txt");
    CostEstimate e =
        PriceSettings.DEFAULT.estimate(query("720p", 5, false), java.util.Optional.of(t)).get();
    assertThat(e.credits()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("60"));
    assertThat(e.usd()).isEqualByComparingTo("0.60");
    assertThat(e.amountText()).isEqualTo("60 credits = 0.60 USD at 0.01 USD per credit");
    assertThat(
            CostEstimate.ofCredits(new BigDecimal("60.0"), new BigDecimal("0.0080"), "x")
                .amountText())
        .isEqualTo("60 credits = 0.48 USD at 0.008 USD per credit");
    assertThat(e.basis()).isEqualTo("odirouter's published prices");
    CostEstimate plan =
        PriceSettings.DEFAULT
            .withUsdPerCredit(new BigDecimal("0.008"))
            .estimate(query("720p", 5, false), java.util.Optional.of(t))
            .get();
    assertThat(plan.usd()).isEqualByComparingTo("0.48");
    assertThat(plan.usdPerCredit()).contains(new BigDecimal("0.008"));
  }

  @Test
  @DisplayName("the user's matching rate wins over published prices; without one, published apply")
  void userTableFirst() {
    PriceTable published = PriceTable.parse("0.10/s", "published");
    PriceTable mine = PriceTable.parse("quality=1080p 0.07/s", "mine.txt");
    PriceSettings s = PriceSettings.DEFAULT.withPriceTable(mine);
    assertThat(s.estimate(query("1080p", 10, false), java.util.Optional.of(published)).get().usd())
        .isEqualByComparingTo("0.70");
    CostEstimate fallback =
        s.estimate(query("720p", 10, false), java.util.Optional.of(published)).get();
    assertThat(fallback.usd()).isEqualByComparingTo("1.00");
    assertThat(fallback.basis()).isEqualTo("odirouter's published prices");
    assertThat(PriceSettings.DEFAULT.estimate(query("720p", 5, false), java.util.Optional.empty()))
        .isEmpty();
  }

  @Test
  @DisplayName("describe: one line, audio twins in brackets, models priced alike listed once")
  void describe() {
    PriceTable t =
        PriceTable.parse(
            String.join(
                "\n",
                "unit credits",
                "usd-per-credit 0.01",
                "as-of 2026-12-05",
                "model=v6 quality=360p audio=no 5/s",
                "model=v6 quality=360p audio=yes 7/s",
                "model=v4 quality=360p duration=5 45/video",
                "model=v4 quality=360p duration=5 motion=fast 90/video",
                "model=v3.5 quality=360p duration=5 45/video",
                "model=v3.5 quality=360p duration=5 motion=fast 90/video"),
            "p.txt");
    assertThat(t.describe())
        .isEqualTo(
            "credits (0.01 USD each): v6 per second of video: 360p 5 (7 with audio);"
                + " v4/v3.5 per video: 360p 5s 45, 360p fast 5s 90; as of 2026-12-05");
    PriceTable mine = PriceTable.parse(TABLE, "prices.txt");
    assertThat(mine.describe("myrouter"))
        .isEqualTo("USD myrouter per video: 720p 0.80; as of 2026-12-01");
  }

  @Test
  @DisplayName("read: a file's name is the source when no source line gives one")
  void read(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("my-prices.txt");
    Files.write(f, "\uFEFFquality=720p 0.05/s\r\n".getBytes(StandardCharsets.UTF_8));
    PriceTable t = PriceTable.read(f);
    assertThat(t.source()).isEqualTo("my-prices.txt");
    assertThat(t.rates()).hasSize(1);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "quality=720p 0.05/s\\nqualty=720p 0.06/s | p.txt line 2: unknown condition 'qualty'"
            + " (use provider, operation, model, quality, audio, duration or motion)",
        "quality=4k 0.05/s | p.txt line 1: quality=4k: Unknown quality '4k': use one of 360p,"
            + " 540p, 720p, 1080p",
        "quality=720p | p.txt line 1: no price: end the line with an amount such as 0.05/s or"
            + " 0.80/video",
        "quality=720p 0.05 | p.txt line 1: '0.05' is no price: write an amount per second"
            + " (0.05/s) or per video (0.80/video)",
        "quality=720p -1/s | p.txt line 1: '-1/s': the amount is not a number of at least 0",
        "quality=720p abc/s | p.txt line 1: 'abc/s': the amount is not a number of at least 0",
        "quality=720p 0.05/s 0.06/s | p.txt line 1: two prices ('0.05/s' and '0.06/s'); give one",
        "audio=maybe 0.05/s | p.txt line 1: audio=maybe: audio is yes or no",
        "duration=five 0.05/s | p.txt line 1: duration=five: duration is a whole number of"
            + " seconds such as 5 or 5s",
        "motion=slow 0.05/s | p.txt line 1: motion=slow: motion is normal or fast",
        "operation=edit 0.05/s | p.txt line 1: operation=edit: operation is generate or extend",
        "quality=720p quality=1080p 0.05/s | p.txt line 1: condition quality is given twice",
        "unit euro\\n0.05/s | p.txt line 1: unit is usd or credits, not 'euro'",
        "unit usd\\nunit usd\\n0.05/s | p.txt line 2: unit is set twice (first on line 1)",
        "as-of yesterday\\n0.05/s | p.txt line 1: as-of takes a date such as 2026-12-01, not"
            + " 'yesterday'",
        "currency usd\\n0.05/s | p.txt line 1: 'currency' is neither a setting (unit,"
            + " usd-per-credit, as-of, source) nor a price line (conditions such as quality=720p,"
            + " then a price such as 0.05/s)",
        "unit credits\\n45/video | p.txt line 1: a table in credits needs a line 'usd-per-credit"
            + " AMOUNT', the US dollars one credit costs you",
        "usd-per-credit 0.01\\n0.05/s | p.txt line 1: usd-per-credit is for a table in credits;"
            + " add 'unit credits' or remove it",
        "unit credits\\nusd-per-credit 0\\n1/s | p.txt line 2: usd-per-credit takes a positive"
            + " number of US dollars such as 0.01, not '0'",
        "# nothing\\n\\n | p.txt: no price lines (such as 'quality=720p 0.05/s')",
        "quality=720p 0.05/s\\n"
            + "# again\\n"
            + "quality=720p 0.06/video | p.txt line 3: the same conditions (quality=720p) as line"
            + " 1; remove one"
      })
  @DisplayName("each bad line is named with its number and what to write instead")
  void errors(String text, String message) {
    assertThatThrownBy(() -> PriceTable.parse(text.replace("\\n", "\n"), "p.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  @DisplayName("every problem is listed at once, one a line")
  void everyProblem() {
    assertThatThrownBy(
            () -> PriceTable.parse("quality=9k 0.05/s\nok 1\nquality=720p 0.05/s\n", "p.txt"))
        .hasMessageContaining("p.txt line 1: quality=9k")
        .hasMessageContaining("\np.txt line 2: 'ok' is neither a setting");
  }

  @Test
  @DisplayName("problems are listed in line order, whichever check found them")
  void problemsInLineOrder() {
    assertThatThrownBy(
            () ->
                PriceTable.parse(
                    "unit credits\nquality=720p 1/s\nquality=720p 2/s\nqualty=1080p 3/s\n",
                    "p.txt"))
        .hasMessage(
            "p.txt line 1: a table in credits needs a line 'usd-per-credit AMOUNT', the US dollars"
                + " one credit costs you\n"
                + "p.txt line 3: the same conditions (quality=720p) as line 2; remove one\n"
                + "p.txt line 4: unknown condition 'qualty' (use provider, operation, model,"
                + " quality, audio, duration or motion)");
  }

  @Test
  @DisplayName("read: a file that is not UTF-8 says so, with the line, instead of odd conditions")
  void notUtf8(@TempDir Path dir) throws Exception {
    Path utf16 = dir.resolve("utf16.txt");
    Files.write(utf16, "\uFEFFprovider=fal 0.07/s\n".getBytes(StandardCharsets.UTF_16LE));
    assertThatThrownBy(() -> PriceTable.read(utf16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "utf16.txt line 1: not UTF-8 (it starts with the bytes FF FE, a UTF-16 byte order"
                + " mark); save the file as UTF-8");
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "source my invoice\nsource caf\u00e9\n0.05/s\n".getBytes("ISO-8859-1"));
    assertThatThrownBy(() -> PriceTable.read(latin1))
        .hasMessage("latin1.txt line 2: not UTF-8 (byte E9 at offset 28); save the file as UTF-8");
  }

  @ParameterizedTest(name = "{0} USD: {1}")
  @CsvSource({
    "0.5, 0.50 USD",
    "0.920, 0.92 USD",
    "0.20, 0.20 USD",
    "3, 3.00 USD",
    "0.0350, 0.035 USD",
    "0.12345, 0.1235 USD",
    "0.0000000005, under 0.0001 USD",
    "0, 0.00 USD"
  })
  @DisplayName("dollars: at least 2 decimals, at most 4, no trailing zeros past the cents")
  void amountFormat(String usd, String text) {
    assertThat(CostEstimate.ofUsd(new BigDecimal(usd), "x").amountText()).isEqualTo(text);
  }

  @Test
  @DisplayName(
      "a table built in code refuses duplicate conditions and a credits table without a price")
  void builder() {
    assertThatThrownBy(
            () ->
                PriceTable.builder(PriceTable.Unit.USD, "x")
                    .add(PriceTable.Rate.perSecond(BigDecimal.ONE).quality(Quality.P720))
                    .add(PriceTable.Rate.perVideo(BigDecimal.ONE).quality(Quality.P720))
                    .build())
        .hasMessageContaining("the same conditions (quality=720p) as an earlier rate");
    assertThatThrownBy(
            () ->
                PriceTable.builder(PriceTable.Unit.CREDITS, "x")
                    .add(PriceTable.Rate.perSecond(BigDecimal.ONE))
                    .build())
        .hasMessageContaining("needs usd-per-credit");
    assertThatThrownBy(() -> PriceTable.Rate.perSecond(new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
