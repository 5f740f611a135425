package io.github.pixverse4j.gmi;

import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.gmi.internal.GmiMapping;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

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

  private static final Map<Quality, BigDecimal> SILENT = new EnumMap<>(Quality.class);
  private static final Map<Quality, BigDecimal> WITH_AUDIO = new EnumMap<>(Quality.class);

  static {
    rate(Quality.P360, "0.025", "0.035");
    rate(Quality.P540, "0.035", "0.045");
    rate(Quality.P720, "0.045", "0.06");
    rate(Quality.P1080, "0.09", "0.115");
  }

  private GmiPricing() {}

  private static void rate(Quality quality, String silent, String withAudio) {
    SILENT.put(quality, new BigDecimal(silent));
    WITH_AUDIO.put(quality, new BigDecimal(withAudio));
  }

  /** US dollars per second of video at {@code quality}, with or without generated audio. */
  public static BigDecimal usdPerSecond(Quality quality, boolean audio) {
    if (quality == null) throw new NullPointerException("quality == null");
    return (audio ? WITH_AUDIO : SILENT).get(quality);
  }

  /**
   * The price of {@code request}: duration × rate for its quality and audio setting. Unset values
   * count as what the provider sends for them (5 s, 540p, no audio). The request is not validated;
   * check it with {@code GmiCloud.capabilities().validate(request)}.
   */
  public static BigDecimal estimateUsd(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    BigDecimal seconds = BigDecimal.valueOf(GmiMapping.durationSeconds(request));
    return usdPerSecond(GmiMapping.quality(request), GmiMapping.audio(request)).multiply(seconds);
  }
}
