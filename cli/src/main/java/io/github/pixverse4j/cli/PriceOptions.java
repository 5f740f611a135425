package io.github.pixverse4j.cli;

import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.price.CostEstimate;
import io.github.pixverse4j.client.price.PriceQuery;
import io.github.pixverse4j.client.price.PriceSettings;
import io.github.pixverse4j.client.price.PriceTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --price-table} and {@code --credit-price}: how cost estimates are made (docs/pricing.md),
 * for the commands that estimate before sending and for {@code providers}. Each has an environment
 * variable for a setting that stays the same from run to run.
 */
final class PriceOptions {
  static final String TABLE_VARIABLE = "PIXVERSE4J_PRICE_TABLE";
  static final String CREDIT_PRICE_VARIABLE = "PIXVERSE4J_CREDIT_PRICE";

  @Option(
      names = "--price-table",
      paramLabel = "FILE",
      description =
          "Your own prices for cost estimates, used before published ones; for hosts that"
              + " publish none (odirouter, highway, myrouter). Default: $"
              + TABLE_VARIABLE
              + ", else none. The format:%n  docs/pricing.md")
  String priceTable;

  @Option(
      names = "--credit-price",
      paramLabel = "USD",
      description =
          "What one credit costs you in US dollars, for providers that bill in credits"
              + " (pixverse; plans cost less than packs). Default: $"
              + CREDIT_PRICE_VARIABLE
              + ", else the provider's pack price (pixverse: 0.01).")
  String creditPrice;

  /**
   * The settings these options (or their variables) give; a table that cannot be read or parsed, or
   * a credit price that is no positive number, is noted in {@code problems} (left out).
   */
  PriceSettings settings(Main parent, List<RuntimeException> problems) {
    PriceSettings s = PriceSettings.DEFAULT;
    String table = given(priceTable, parent.env.get(TABLE_VARIABLE));
    String tableName = priceTable != null ? "--price-table" : "$" + TABLE_VARIABLE;
    if (table != null) {
      Path file = parent.cwd.resolve(table).normalize();
      try {
        PriceTable read = PriceTable.read(file);
        warnUnknownProviders(parent, table, read);
        s = s.withPriceTable(read);
      } catch (NoSuchFileException e) {
        problems.add(new IllegalArgumentException(tableName + " " + table + ": no such file", e));
      } catch (IOException e) {
        problems.add(
            new IllegalArgumentException(
                tableName + " " + table + " cannot be read (" + e.getClass().getSimpleName() + ")",
                e));
      } catch (IllegalArgumentException e) {
        problems.add(new IllegalArgumentException(e.getMessage(), e));
      }
    }
    String price = given(creditPrice, parent.env.get(CREDIT_PRICE_VARIABLE));
    if (price != null) {
      String name = creditPrice != null ? "--credit-price" : "$" + CREDIT_PRICE_VARIABLE;
      BigDecimal usd = null;
      try {
        usd = new BigDecimal(price.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
      if (usd == null || usd.signum() <= 0) {
        problems.add(
            new IllegalArgumentException(
                name
                    + " takes the US dollars one credit costs, a number above 0 such as 0.008, not"
                    + " '"
                    + price
                    + "'"));
      } else {
        s = s.withUsdPerCredit(usd);
      }
    }
    return s;
  }

  /**
   * Warns on stderr, in line order, about each rate naming a provider id that no installed provider
   * has (a misspelling, or a provider module that is not on the class path): such a rate is never
   * used. A warning, not an error, so that one table can serve installations with other providers.
   */
  private static void warnUnknownProviders(Main parent, String file, PriceTable table) {
    List<String> known = new ArrayList<>();
    for (VideoProviderFactory f : Connection.factories()) known.add(f.id());
    for (PriceTable.Rate r : table.rates()) {
      String id = r.provider().orElse(null);
      if (id == null || known.contains(id)) continue;
      parent.err.println(
          "Warning: "
              + file
              + (r.line() > 0 ? " line " + r.line() : "")
              + ": no provider '"
              + id
              + "' (known: "
              + String.join(", ", known)
              + "); this rate is never used");
    }
  }

  private static String given(String option, String variable) {
    if (option != null) return option;
    return variable == null || variable.trim().isEmpty() ? null : variable.trim();
  }

  /**
   * The line the submitting commands print before sending: the estimate and where it comes from, or
   * why there is none, naming what to give: a rate in the user's table or the published prices that
   * is per second while the video's length is unknown asks for {@code --duration} (or, where the
   * length cannot be chosen, a per-video rate); a table without a rate for the provider or these
   * settings says so rather than asking for a table.
   */
  static String estimateLine(
      VideoProviderFactory factory,
      PriceQuery query,
      PriceSettings settings,
      Optional<CostEstimate> estimate,
      boolean simulated) {
    if (estimate.isPresent()) {
      return "Estimated cost at "
          + estimate.get().basis()
          + ": "
          + estimate.get().amountText()
          + (simulated ? " (simulated: nothing is charged)" : "");
    }
    String id = factory.id();
    Optional<PriceTable> yours = settings.priceTable();
    Optional<PriceTable.Rate> yourRate = yours.flatMap(t -> t.find(query));
    Optional<PriceTable.Rate> publishedRate = factory.publishedPrices().flatMap(t -> t.find(query));
    Optional<PriceTable.Rate> rate = yourRate.isPresent() ? yourRate : publishedRate;
    if (rate.isPresent() && rate.get().perSecond() && !query.durationSeconds().isPresent()) {
      String whose =
          yourRate.isPresent()
              ? "your price table ("
                  + yours.get().source()
                  + (rate.get().line() > 0 ? " line " + rate.get().line() : "")
                  + ") prices "
                  + id
                  + " per second"
              : id + "'s published prices are per second";
      return factory.capabilities().durationsSeconds().isEmpty()
          ? "No cost estimate: "
              + whose
              + ", but "
              + id
              + " does not say how long its videos are and takes no --duration; price it per video"
              + " instead (provider="
              + id
              + " AMOUNT/video; docs/pricing.md)"
          : "No cost estimate: "
              + whose
              + ", but "
              + id
              + " does not say how long a video is when --duration is unset; give --duration"
              + " SECONDS (docs/pricing.md)";
    }
    if (yours.isPresent()) {
      String table = "your price table (" + yours.get().source() + ")";
      return "No cost estimate: "
          + (yours.get().covers(id)
              ? table + " has no rate for " + id + " matching these settings"
              : table + " has no rate for " + id)
          + (factory.publishedPrices().isPresent()
              ? " and " + id + "'s published prices do not list them"
              : " and " + id + " publishes no prices")
          + "; add one such as 'provider="
          + id
          + " 0.05/s' (docs/pricing.md)";
    }
    return factory.publishedPrices().isPresent()
        ? "No cost estimate: "
            + id
            + "'s published prices do not list these settings; give your own with --price-table"
            + " FILE (docs/pricing.md)"
        : "No cost estimate: "
            + id
            + " publishes no prices; give your own with --price-table FILE (docs/pricing.md)";
  }
}
