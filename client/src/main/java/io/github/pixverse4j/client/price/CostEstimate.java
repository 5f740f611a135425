package io.github.pixverse4j.client.price;

import java.math.BigDecimal;
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
   * The amount for messages: {@code 0.920 USD}, or {@code 45 credits = 0.45 USD at 0.01 USD per
   * credit}.
   */
  public String amountText() {
    if (credits == null || usdPerCredit == null) return usd.toPlainString() + " USD";
    return credits.toPlainString()
        + " credits = "
        + usd.toPlainString()
        + " USD at "
        + usdPerCredit.toPlainString()
        + " USD per credit";
  }

  @Override
  public String toString() {
    return amountText() + " (" + basis + ")";
  }
}
