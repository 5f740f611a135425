package io.github.pixverse4j.client.price;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How estimates are made: the user's own {@link PriceTable} (for hosts that publish no prices, or a
 * negotiated contract) and the US dollars one credit costs (credits are cheaper on a plan than in
 * packs). Immutable; {@link #DEFAULT} has neither, so estimates come from published prices at the
 * provider's stated credit price.
 *
 * <p>The rule, in {@link #estimate}: a rate of the user's table that matches the job wins; else the
 * provider's published rate; else there is no estimate. A table in credits is converted to US
 * dollars at {@link #usdPerCredit()} when set, else at the table's own {@code usd-per-credit}.
 */
public final class PriceSettings {
  /** No table of the user's, published credit prices. */
  public static final PriceSettings DEFAULT = new PriceSettings(null, null);

  private final @Nullable PriceTable priceTable;
  private final @Nullable BigDecimal usdPerCredit;

  private PriceSettings(@Nullable PriceTable priceTable, @Nullable BigDecimal usdPerCredit) {
    this.priceTable = priceTable;
    this.usdPerCredit = usdPerCredit;
  }

  /** These settings with {@code table} as the user's prices, consulted before published ones. */
  public PriceSettings withPriceTable(PriceTable table) {
    return new PriceSettings(Objects.requireNonNull(table, "table == null"), usdPerCredit);
  }

  /**
   * These settings counting one credit as {@code usd} US dollars (positive), for every table in
   * credits (PixVerse: 0.01 in packs; less on a plan).
   */
  public PriceSettings withUsdPerCredit(BigDecimal usd) {
    if (usd == null) throw new NullPointerException("usd == null");
    if (usd.signum() <= 0) {
      throw new IllegalArgumentException("the price of a credit must be positive, got " + usd);
    }
    return new PriceSettings(priceTable, usd);
  }

  /** The user's own prices, when set. */
  public Optional<PriceTable> priceTable() {
    return Optional.ofNullable(priceTable);
  }

  /** The US dollars one credit costs, when set (else each table's own). */
  public Optional<BigDecimal> usdPerCredit() {
    return Optional.ofNullable(usdPerCredit);
  }

  /**
   * The estimate for {@code query}: from the user's table where one of its rates matches, else from
   * {@code published} (the provider's prices); empty when neither has a rate for it, or the rate is
   * per second and the length is unknown.
   */
  public Optional<CostEstimate> estimate(PriceQuery query, Optional<PriceTable> published) {
    if (query == null) throw new NullPointerException("query == null");
    if (published == null) throw new NullPointerException("published == null");
    if (priceTable != null) {
      Optional<PriceTable.Rate> rate = priceTable.find(query);
      if (rate.isPresent()) {
        String basis =
            "the prices in "
                + priceTable.source()
                + (rate.get().line() > 0 ? " (line " + rate.get().line() + ")" : "");
        Optional<CostEstimate> e = price(priceTable, rate.get(), query, basis);
        if (e.isPresent()) return e;
      }
    }
    if (published.isPresent()) {
      PriceTable t = published.get();
      Optional<PriceTable.Rate> rate = t.find(query);
      if (rate.isPresent()) {
        String basis =
            query.providerId()
                + "'s published prices"
                + t.asOf().map(d -> " (as of " + d + ")").orElse("");
        return price(t, rate.get(), query, basis);
      }
    }
    return Optional.empty();
  }

  private Optional<CostEstimate> price(
      PriceTable table, PriceTable.Rate rate, PriceQuery query, String basis) {
    BigDecimal amount = rate.amount();
    if (rate.perSecond()) {
      if (!query.durationSeconds().isPresent()) return Optional.empty();
      amount = amount.multiply(BigDecimal.valueOf(query.durationSeconds().get()));
    }
    if (table.unit() == PriceTable.Unit.USD) return Optional.of(CostEstimate.ofUsd(amount, basis));
    BigDecimal perCredit =
        usdPerCredit != null
            ? usdPerCredit
            : table
                .usdPerCredit()
                .orElseThrow(() -> new IllegalStateException("credits table without a price"));
    return Optional.of(CostEstimate.ofCredits(amount, perCredit, basis));
  }

  @Override
  public String toString() {
    return "PriceSettings{priceTable="
        + (priceTable == null ? "none" : priceTable.source())
        + ", usdPerCredit="
        + (usdPerCredit == null ? "the table's" : usdPerCredit.toPlainString())
        + "}";
  }
}
