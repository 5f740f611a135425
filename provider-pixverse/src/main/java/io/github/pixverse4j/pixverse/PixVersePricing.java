package io.github.pixverse4j.pixverse;

import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.client.price.PriceTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The PixVerse platform's prices in credits, the same for image-to-video and extend: V6 per second
 * of video by quality and audio; V5 and V4.5/V4/V3.5 per video by quality, length and motion mode.
 * Credits become US dollars at {@link #DEFAULT_USD_PER_CREDIT} (packs: $1 buys 100 credits) unless
 * the caller sets its own price ({@code PriceSettings.withUsdPerCredit}: plans are cheaper).
 *
 * <p>A job that fails content moderation is refunded (reported; see provider-pixverse/README.md),
 * so an estimate is the most a job costs, not what it will cost. An estimate is not a quote.
 */
public final class PixVersePricing {
  /** Where the prices come from, and what is assumed. */
  public static final String SOURCE =
      "PixVerse platform docs, Model & Pricing (docs.platform.pixverse.ai/model-pricing-796039m0);"
          + " V6 per-second rates assumed (not on the copy of that page we could read)";

  /**
   * When the tables were last checked against the provider's page (which carries no date of its
   * own); see provider-pixverse/README.md.
   */
  public static final LocalDate PRICES_AS_OF = LocalDate.of(2026, 12, 5);

  /** US dollars per credit in PixVerse's packs ({@code $1 = 100 Credits}, the pricing page). */
  public static final BigDecimal DEFAULT_USD_PER_CREDIT = new BigDecimal("0.01");

  /**
   * The prices as a credits table, what {@code PixVerseProviderFactory.publishedPrices()} gives.
   */
  public static final PriceTable TABLE;

  static {
    PriceTable.Builder b =
        PriceTable.builder(PriceTable.Unit.CREDITS, SOURCE)
            .usdPerCredit(DEFAULT_USD_PER_CREDIT)
            .asOf(PRICES_AS_OF);
    // V6: credits per second, silent / with audio (assumed: see SOURCE).
    v6(b, Quality.P360, 5, 7);
    v6(b, Quality.P540, 7, 9);
    v6(b, Quality.P720, 9, 12);
    v6(b, Quality.P1080, 18, 23);
    // V5: credits per video by quality and length; no motion mode column.
    for (Quality q : new Quality[] {Quality.P360, Quality.P540}) {
      perVideo(b, Model.V5, q, 5, null, 45);
      perVideo(b, Model.V5, q, 8, null, 90);
    }
    perVideo(b, Model.V5, Quality.P720, 5, null, 60);
    perVideo(b, Model.V5, Quality.P720, 8, null, 120);
    perVideo(b, Model.V5, Quality.P1080, 5, null, 120);
    perVideo(b, Model.V5, Quality.P1080, 8, null, 240);
    // V4.5, V4 and V3.5 share one table: per video by quality, length and motion mode; fast is 5 s
    // only and not at 1080p, 1080p is 5 s only.
    for (Model m : new Model[] {Model.V4_5, Model.V4, Model.V3_5}) {
      for (Quality q : new Quality[] {Quality.P360, Quality.P540}) {
        perVideo(b, m, q, 5, MotionMode.NORMAL, 45);
        perVideo(b, m, q, 5, MotionMode.FAST, 90);
        perVideo(b, m, q, 8, MotionMode.NORMAL, 90);
      }
      perVideo(b, m, Quality.P720, 5, MotionMode.NORMAL, 60);
      perVideo(b, m, Quality.P720, 5, MotionMode.FAST, 120);
      perVideo(b, m, Quality.P720, 8, MotionMode.NORMAL, 120);
      perVideo(b, m, Quality.P1080, 5, MotionMode.NORMAL, 120);
    }
    TABLE = b.build();
  }

  private PixVersePricing() {}

  private static void v6(PriceTable.Builder b, Quality q, int silent, int withAudio) {
    b.add(
        PriceTable.Rate.perSecond(BigDecimal.valueOf(silent))
            .model(Model.V6)
            .quality(q)
            .audio(false));
    b.add(
        PriceTable.Rate.perSecond(BigDecimal.valueOf(withAudio))
            .model(Model.V6)
            .quality(q)
            .audio(true));
  }

  private static void perVideo(
      PriceTable.Builder b,
      Model m,
      Quality q,
      int seconds,
      @Nullable MotionMode motion,
      int credits) {
    PriceTable.Rate r =
        PriceTable.Rate.perVideo(BigDecimal.valueOf(credits))
            .model(m)
            .quality(q)
            .durationSeconds(seconds);
    b.add(motion == null ? r : r.motionMode(motion));
  }
}
