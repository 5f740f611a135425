package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.price.PriceSettings;
import io.github.pixverse4j.client.price.PriceTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pixverse4j providers}: the registered providers, their keys and what they accept. */
@Command(
    name = "providers",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.LISTED, ExitCodes.USAGE_TEXT},
    description = "List the providers, whether their key is set, and what they accept.")
final class ProvidersCommand implements Callable<Integer> {
  @ParentCommand Main parent;

  @Option(
      names = "--json",
      description =
          "One JSON object per provider, on one line each."
              + " Default: a few lines of text per provider.")
  boolean json;

  @Mixin PriceOptions prices;

  @Override
  public Integer call() {
    List<RuntimeException> problems = new ArrayList<>();
    PriceSettings priceSettings = prices.settings(parent, problems);
    if (!problems.isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (RuntimeException e : problems)
        b.append(b.length() == 0 ? "" : "\n").append(e.getMessage());
      throw new IllegalArgumentException(b.toString(), problems.get(0));
    }
    for (VideoProviderFactory f : Connection.factories()) {
      ProviderCapabilities caps = f.capabilities();
      boolean keySet = Connection.key(f, parent.env).isPresent();
      boolean simulator = Connection.simulatorOf(f.id()).isPresent();
      List<String> qualities = new ArrayList<>();
      for (Quality q : Quality.values()) if (caps.qualities().contains(q)) qualities.add(q.label());
      String price = priceText(f, priceSettings);
      String yours =
          priceSettings
              .priceTable()
              .filter(t -> t.covers(f.id()))
              .map(t -> t.describe(f.id()))
              .orElse(null);
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("name", f.displayName());
        m.put("model", caps.model());
        m.put("apiKeyVariable", f.apiKeyEnvironmentVariable());
        m.put("apiKeySet", keySet);
        m.put("defaultBaseUrl", f.defaultBaseUrl());
        m.put("maxPromptLength", caps.maxPromptLength());
        m.put("maxNegativePromptLength", caps.maxNegativePromptLength().orElse(null));
        m.put("durationsSeconds", new ArrayList<>(caps.durationsSeconds()));
        m.put("defaultDurationSeconds", caps.defaultDurationSeconds().orElse(null));
        m.put("qualities", qualities);
        m.put("defaultQuality", caps.defaultQuality().map(Quality::label).orElse(null));
        List<String> kinds = new ArrayList<>();
        for (ImageInput.Kind k : caps.imageKinds()) kinds.add(k.name());
        m.put("imageInputs", kinds);
        m.put("seed", caps.supportsSeed());
        m.put("audio", caps.supportsAudio());
        m.put("multiClip", caps.supportsMultiClip());
        List<String> models = new ArrayList<>();
        for (Model model : caps.models()) models.add(model.name());
        m.put("models", models);
        m.put("cancel", caps.supportsCancel());
        m.put("webhooks", caps.supportsWebhooks());
        m.put("simulator", simulator);
        if (price != null) m.put("price", price);
        m.put("pricesPublished", price != null);
        if (yours != null) m.put("yourPrice", yours);
        new Output(parent.out, parent.err, true, false).line(m);
      } else {
        parent.out.printf("%-10s %s%n", f.id(), f.displayName());
        parent.out.printf(
            "           model %s; key %s (%s)%n",
            caps.model(),
            f.apiKeyEnvironmentVariable(),
            keySet ? "set" : simulator ? "not set: simulated" : "not set, and no simulator");
        parent.out.printf(
            "           prompt <= %d chars; duration %s; quality %s; image %s; cancel %s%n",
            caps.maxPromptLength(),
            caps.describeDurations(),
            String.join("/", qualities),
            imageKinds(caps),
            caps.supportsCancel() ? "yes" : "no");
        if (caps.supportsWebhooks()) {
          // The library's; generate and batch poll (a laptop cannot receive callbacks).
          parent.out.printf("           webhooks yes (library only: see docs/webhooks.md)%n");
        }
        if (yours != null) {
          parent.out.printf(
              "           your price (%s, used first) %s%n",
              priceSettings.priceTable().get().source(), yours);
        }
        if (price != null) {
          parent.out.printf("           price %s%n", price);
        } else if (yours == null) {
          parent.out.printf(
              "           price: no published prices: set --price-table (docs/pricing.md)%n");
        }
      }
    }
    parent.out.flush();
    return ExitCodes.OK;
  }

  /**
   * The provider's published prices for the listing; for a provider billing in credits with {@code
   * --credit-price} (or its variable) set, counted at that price, such as {@code "credits (0.008
   * USD each): …; at your --credit-price (packs: 0.01 USD each)"}. Null when it publishes none.
   */
  private static String priceText(VideoProviderFactory f, PriceSettings settings) {
    Optional<PriceTable> published = f.publishedPrices();
    Optional<BigDecimal> yours = settings.usdPerCredit();
    if (!published.isPresent()
        || published.get().unit() != PriceTable.Unit.CREDITS
        || !yours.isPresent()) {
      return f.priceDescription().orElse(null);
    }
    PriceTable t = published.get();
    PriceTable.Builder b =
        PriceTable.builder(PriceTable.Unit.CREDITS, t.source()).usdPerCredit(yours.get());
    t.asOf().ifPresent(b::asOf);
    t.rates().forEach(b::add);
    return b.build().describe(f.id())
        + "; at your --credit-price"
        + t.usdPerCredit().map(p -> " (packs: " + p.toPlainString() + " USD each)").orElse("");
  }

  /**
   * The kinds of image the command line can give this provider ({@code --image} takes a URL or a
   * file), e.g. {@code "URL or file"}; the library's other kinds (bytes, a provider's image id) are
   * not reachable from here, so they are not offered.
   */
  static String imageKinds(ProviderCapabilities caps) {
    List<String> usable = new ArrayList<>();
    if (caps.imageKinds().contains(ImageInput.Kind.URL)) usable.add("URL");
    if (caps.imageKinds().contains(ImageInput.Kind.FILE)) usable.add("file");
    return usable.isEmpty()
        ? "none usable here"
        : io.github.pixverse4j.api.internal.ListText.of(usable, "or");
  }
}
