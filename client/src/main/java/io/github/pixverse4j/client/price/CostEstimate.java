package io.github.pixverse4j.client.price;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a job is expected to cost, before it is sent, and where the price comes from. An estimate is
 * not a quote: providers change prices, round, discount plans and refund failures
 * (docs/pricing.md).
 */
public final class CostEstimate {
  private final BigDecimal usd;
  private final @Nullable BigDecimal credits;
  private final @Nullable BigDecimal usdPerCredit;
  private final String basis;

  private CostEstimate(
      BigDecimal usd,
      @Nullable BigDecimal credits,
      @Nullable BigDecimal usdPerCredit,
      String basis) {
    this.usd = usd;
    this.credits = credits;
    this.usdPerCredit = usdPerCredit;
    this.basis = basis;
  }

  /** An estimate in US dollars; {@code basis} says where the price comes from. */
  public static CostEstimate ofUsd(BigDecimal usd, String basis) {
    if (usd == null) throw new NullPointerException("usd == null");
    if (basis == null) throw new NullPointerException("basis == null");
    return new CostEstimate(usd, null, null, basis);
  }

  /** An estimate in a provider's credits, worth {@code credits × usdPerCredit} US dollars. */
  public static CostEstimate ofCredits(BigDecimal credits, BigDecimal usdPerCredit, String basis) {
    if (credits == null) throw new NullPointerException("credits == null");
    if (usdPerCredit == null) throw new NullPointerException("usdPerCredit == null");
    if (basis == null) throw new NullPointerException("basis == null");
    return new CostEstimate(credits.multiply(usdPerCredit), credits, usdPerCredit, basis);
  }

  /** The estimate in US dollars (for credits: credits × the price of one credit). */
  public BigDecimal usd() {
    return usd;
  }

  /** The estimate in the provider's credits, when it bills in credits. */
  public Optional<BigDecimal> credits() {
    return Optional.ofNullable(credits);
  }

  /** The US dollars one credit was counted at, when the provider bills in credits. */
  public Optional<BigDecimal> usdPerCredit() {
    return Optional.ofNullable(usdPerCredit);
  }

  /**
   * Where the price comes from, for messages: such as {@code gmi's published prices (as of
   * 2026-06-05)} or {@code the prices in prices.txt (line 4)}.
   */
  public String basis() {
    return basis;
  }

  /**
   * The amount for messages: {@code 0.92 USD}, or {@code 45 credits = 0.45 USD at 0.01 USD per
   * credit}. Dollars are written with at least 2 and at most 4 decimals (rounded half up; trailing
   * zeros past the cents dropped), and an amount above 0 that would round to 0 as {@code under
   * 0.0001 USD}; credits and the price of a credit are written exactly, without trailing zeros.
   */
  public String amountText() {
    if (credits == null || usdPerCredit == null) return usdText(usd) + " USD";
    return plain(credits)
        + " credits = "
        + usdText(usd)
        + " USD at "
        + plain(usdPerCredit)
        + " USD per credit";
  }

  /** {@code amount} in US dollars as {@link #amountText()} writes it, without the unit. */
  static String usdText(BigDecimal amount) {
    BigDecimal rounded = amount.setScale(4, RoundingMode.HALF_UP);
    if (rounded.signum() == 0 && amount.signum() > 0) return "under 0.0001";
    BigDecimal stripped = rounded.stripTrailingZeros();
    return stripped.scale() < 2 ? rounded.setScale(2).toPlainString() : stripped.toPlainString();
  }

  private static String plain(BigDecimal amount) {
    return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return amountText() + " (" + basis + ")";
  }
}
