package io.github.pixverse4j.gmi;

import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.client.price.PriceQuery;
import io.github.pixverse4j.client.price.PriceSettings;
import io.github.pixverse4j.client.price.PriceTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * GMI's published prices for pixverse-v6-i2v, in US dollars per second of video, and estimates from
 * them. GMI bills by output length; the rate depends on quality and on audio.
 *
 * <p>Prices change: {@link #PRICES_AS_OF} says how old this table is. An estimate is not a quote.
 */
public final class GmiPricing {
  /** Where the prices come from. */
  public static final String SOURCE =
      "GMI Cloud model page for pixverse-v6-i2v (docs.gmicloud.ai), section Pricing";

  /** The page's {@code source_updated_at} (1780650820, Unix seconds), as a UTC date. */
  public static final LocalDate PRICES_AS_OF = LocalDate.of(2026, 6, 5);

  /**
   * The prices as a {@link PriceTable} (USD per second by quality and audio), what {@code
   * GmiProviderFactory.publishedPrices()} gives and every estimate is computed from.
   */
  public static final PriceTable TABLE;

  static {
    PriceTable.Builder b = PriceTable.builder(PriceTable.Unit.USD, SOURCE).asOf(PRICES_AS_OF);
    rate(b, Quality.P360, "0.025", "0.035");
    rate(b, Quality.P540, "0.035", "0.045");
    rate(b, Quality.P720, "0.045", "0.06");
    rate(b, Quality.P1080, "0.09", "0.115");
    TABLE = b.build();
  }

  private GmiPricing() {}

  private static void rate(PriceTable.Builder b, Quality quality, String silent, String withAudio) {
    b.add(PriceTable.Rate.perSecond(new BigDecimal(silent)).quality(quality).audio(false));
    b.add(PriceTable.Rate.perSecond(new BigDecimal(withAudio)).quality(quality).audio(true));
  }

  /** US dollars per second of video at {@code quality}, with or without generated audio. */
  public static BigDecimal usdPerSecond(Quality quality, boolean audio) {
    if (quality == null) throw new NullPointerException("quality == null");
    for (PriceTable.Rate r : TABLE.rates()) {
      if (r.quality().get() == quality && r.audio().get() == audio) return r.amount();
    }
    throw new AssertionError("no GMI rate for " + quality);
  }

  /**
   * The price of {@code request}: duration × rate for its quality and audio setting. Unset values
   * count as what the provider sends for them (5 s, 540p, no audio). The request is not validated;
   * check it with {@code GmiCloud.capabilities().validate(request)}.
   */
  public static BigDecimal estimateUsd(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return PriceSettings.DEFAULT
        .estimate(PriceQuery.of(request, GmiCloud.capabilities()), Optional.of(TABLE))
        .orElseThrow(() -> new AssertionError("GMI prices every quality"))
        .usd();
  }
}
