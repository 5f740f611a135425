package io.github.pixverse4j.client.price;

import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.Quality;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Prices as rates, each a price per second of video or per video, for the jobs its conditions match
 * (provider, operation, model, quality, audio, duration, motion mode; a condition left out matches
 * anything). The same type holds a provider's published prices ({@code
 * VideoProviderFactory.publishedPrices()}) and a user's own table for hosts that publish none
 * ({@link #parse}, {@link #read}).
 *
 * <p>{@link #find} picks, among the rates that match, the one with the most conditions; of those,
 * the first. So a general rate ({@code 0.05/s}) and exceptions to it ({@code quality=1080p 0.09/s})
 * can be written in any order.
 *
 * <p>The text form, one rate or setting a line ({@code #} starts a comment):
 *
 * <pre>
 * unit usd                      # or: unit credits (then usd-per-credit is required)
 * usd-per-credit 0.01           # a credits table: what one credit costs you
 * as-of 2026-12-01              # when the prices were read (optional)
 * source my OdiRouter contract  # where they come from (optional; default: the file name)
 * provider=odirouter quality=720p audio=no   0.05/s
 * provider=odirouter quality=720p audio=yes  0.07/s
 * provider=myrouter quality=1080p            0.80/video
 * </pre>
 *
 * Conditions are {@code provider=ID}, {@code operation=generate|extend}, {@code model=v6}, {@code
 * quality=720p}, {@code audio=yes|no}, {@code duration=5} (seconds) and {@code motion=normal|fast};
 * the price is {@code AMOUNT/s} (per second of video) or {@code AMOUNT/video}, in the table's unit.
 */
public final class PriceTable {
  /** What a table's amounts count. */
  public enum Unit {
    /** US dollars. */
    USD("USD"),
    /** A provider's credits, each worth {@link PriceTable#usdPerCredit()} US dollars. */
    CREDITS("credits");

    private final String label;

    Unit(String label) {
      this.label = label;
    }

    /** {@code USD} or {@code credits}. */
    public String label() {
      return label;
    }
  }

  /**
   * One price: an amount per second of video or per video, for the jobs its conditions match.
   * Immutable; each setter returns a copy with one more condition.
   */
  public static final class Rate {
    // Not final so that each setter can change one field of a fresh copy (copy()); a Rate is never
    // changed once a setter has returned it.
    private final boolean perSecond;
    private final BigDecimal amount;
    private @Nullable String provider;
    private PriceQuery.@Nullable Operation operation;
    private @Nullable Model model;
    private @Nullable Quality quality;
    private @Nullable Boolean audio;
    private @Nullable Long durationSeconds;
    private @Nullable MotionMode motionMode;
    private int line;

    private Rate(boolean perSecond, BigDecimal amount) {
      if (amount == null) throw new NullPointerException("amount == null");
      if (amount.signum() < 0) {
        throw new IllegalArgumentException("a price cannot be negative: " + amount);
      }
      this.perSecond = perSecond;
      this.amount = amount;
    }

    private Rate copy() {
      Rate r = new Rate(perSecond, amount);
      r.provider = provider;
      r.operation = operation;
      r.model = model;
      r.quality = quality;
      r.audio = audio;
      r.durationSeconds = durationSeconds;
      r.motionMode = motionMode;
      r.line = line;
      return r;
    }

    /** {@code amount} (in the table's unit, at least 0) per second of video, for every job. */
    public static Rate perSecond(BigDecimal amount) {
      return new Rate(true, amount);
    }

    /** {@code amount} (in the table's unit, at least 0) per video, whatever its length. */
    public static Rate perVideo(BigDecimal amount) {
      return new Rate(false, amount);
    }

    /** Only for provider {@code id} (such as {@code "odirouter"}). */
    public Rate provider(String id) {
      if (id == null) throw new NullPointerException("id == null");
      String p = id.trim().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) throw new IllegalArgumentException("provider id is blank");
      Rate r = copy();
      r.provider = p;
      return r;
    }

    /** Only for {@code op}: image-to-video or extend. */
    public Rate operation(PriceQuery.Operation op) {
      Rate r = copy();
      r.operation = Objects.requireNonNull(op, "op == null");
      return r;
    }

    /** Only for model {@code m}. */
    public Rate model(Model m) {
      Rate r = copy();
      r.model = Objects.requireNonNull(m, "m == null");
      return r;
    }

    /** Only at quality {@code q}. */
    public Rate quality(Quality q) {
      Rate r = copy();
      r.quality = Objects.requireNonNull(q, "q == null");
      return r;
    }

    /** Only with generated sound ({@code true}) or only without it. */
    public Rate audio(boolean withAudio) {
      Rate r = copy();
      r.audio = withAudio;
      return r;
    }

    /** Only for videos of {@code seconds} seconds (at least 1). */
    public Rate durationSeconds(long seconds) {
      if (seconds < 1) throw new IllegalArgumentException("duration must be at least 1 second");
      Rate r = copy();
      r.durationSeconds = seconds;
      return r;
    }

    /** Only with motion mode {@code mode}. */
    public Rate motionMode(MotionMode mode) {
      Rate r = copy();
      r.motionMode = Objects.requireNonNull(mode, "mode == null");
      return r;
    }

    private Rate atLine(int lineNumber) {
      Rate r = copy();
      r.line = lineNumber;
      return r;
    }

    /** Whether the amount is per second of video (else per video). */
    public boolean perSecond() {
      return perSecond;
    }

    /** The amount, in the table's {@link Unit}. */
    public BigDecimal amount() {
      return amount;
    }

    public Optional<String> provider() {
      return Optional.ofNullable(provider);
    }

    public Optional<PriceQuery.Operation> operation() {
      return Optional.ofNullable(operation);
    }

    public Optional<Model> model() {
      return Optional.ofNullable(model);
    }

    public Optional<Quality> quality() {
      return Optional.ofNullable(quality);
    }

    public Optional<Boolean> audio() {
      return Optional.ofNullable(audio);
    }

    public Optional<Long> durationSeconds() {
      return Optional.ofNullable(durationSeconds);
    }

    public Optional<MotionMode> motionMode() {
      return Optional.ofNullable(motionMode);
    }

    /** The line of the text the rate was read from; 0 for a rate built in code. */
    public int line() {
      return line;
    }

    /** Whether this rate applies to {@code q}: each condition it names equals the query's. */
    public boolean matches(PriceQuery q) {
      return (provider == null || provider.equals(q.providerId().toLowerCase(Locale.ROOT)))
          && (operation == null || operation == q.operation())
          && (model == null || q.model().map(model::equals).orElse(false))
          && (quality == null || q.quality().map(quality::equals).orElse(false))
          && (audio == null || audio == q.audio())
          && (durationSeconds == null
              || q.durationSeconds().map(durationSeconds::equals).orElse(false))
          && (motionMode == null || motionMode == q.motionMode());
    }

    /** How many conditions the rate names. */
    int conditions() {
      int n = 0;
      for (Object o :
          new Object[] {provider, operation, model, quality, audio, durationSeconds, motionMode}) {
        if (o != null) n++;
      }
      return n;
    }

    /** The conditions as the text form writes them, such as {@code quality=720p audio=yes}. */
    String conditionText() {
      List<String> c = new ArrayList<>();
      if (provider != null) c.add("provider=" + provider);
      if (operation != null) c.add("operation=" + operation.label());
      if (model != null) c.add("model=" + model.name());
      if (quality != null) c.add("quality=" + quality.label());
      if (audio != null) c.add("audio=" + (audio ? "yes" : "no"));
      if (durationSeconds != null) c.add("duration=" + durationSeconds);
      if (motionMode != null) c.add("motion=" + motionMode.wireName());
      return String.join(" ", c);
    }

    /** The rate in the text form, such as {@code quality=720p audio=yes 0.06/s}. */
    @Override
    public String toString() {
      String c = conditionText();
      return (c.isEmpty() ? "" : c + " ") + amount.toPlainString() + (perSecond ? "/s" : "/video");
    }
  }

  private final Unit unit;
  private final @Nullable BigDecimal usdPerCredit;
  private final String source;
  private final @Nullable LocalDate asOf;
  private final List<Rate> rates;

  private PriceTable(Builder b) {
    this.unit = b.unit;
    this.usdPerCredit = b.usdPerCredit;
    this.source = b.source;
    this.asOf = b.asOf;
    this.rates = Collections.unmodifiableList(new ArrayList<>(b.rates));
  }

  /**
   * A table in {@code unit}; {@code source} says where its prices come from (a page, a contract, a
   * file name), for messages.
   */
  public static Builder builder(Unit unit, String source) {
    return new Builder(unit, source);
  }

  /** Builds a {@link PriceTable}. */
  public static final class Builder {
    private final Unit unit;
    private final String source;
    private @Nullable BigDecimal usdPerCredit;
    private @Nullable LocalDate asOf;
    private final List<Rate> rates = new ArrayList<>();

    private Builder(Unit unit, String source) {
      this.unit = Objects.requireNonNull(unit, "unit == null");
      this.source = Objects.requireNonNull(source, "source == null");
    }

    /** What one credit costs in US dollars; required for a {@link Unit#CREDITS} table. */
    public Builder usdPerCredit(BigDecimal usd) {
      if (usd == null) throw new NullPointerException("usd == null");
      if (usd.signum() <= 0) throw new IllegalArgumentException("usd-per-credit must be positive");
      this.usdPerCredit = usd;
      return this;
    }

    /** When the prices were read or published. */
    public Builder asOf(LocalDate date) {
      this.asOf = Objects.requireNonNull(date, "date == null");
      return this;
    }

    /** Adds a rate; see {@link PriceTable#find} for which of several matching rates applies. */
    public Builder add(Rate rate) {
      rates.add(Objects.requireNonNull(rate, "rate == null"));
      return this;
    }

    /**
     * The table.
     *
     * @throws IllegalArgumentException when it has no rate, two rates with the same conditions, or
     *     is in credits without {@link #usdPerCredit}
     */
    public PriceTable build() {
      List<String> problems = new ArrayList<>();
      check(unit, usdPerCredit, rates, problems);
      if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("\n", problems));
      return new PriceTable(this);
    }
  }

  private static void check(
      Unit unit, @Nullable BigDecimal usdPerCredit, List<Rate> rates, List<String> problems) {
    if (rates.isEmpty()) problems.add("a price table needs at least one price");
    if (unit == Unit.CREDITS && usdPerCredit == null) {
      problems.add("a table in credits needs usd-per-credit, the US dollars one credit costs you");
    }
    Map<String, Rate> seen = new LinkedHashMap<>();
    for (Rate r : rates) {
      Rate before = seen.putIfAbsent(r.conditionText(), r);
      if (before != null) {
        problems.add(
            where(r)
                + "the same conditions ("
                + (r.conditionText().isEmpty() ? "none" : r.conditionText())
                + ") as "
                + (before.line > 0 ? "line " + before.line : "an earlier rate")
                + "; remove one");
      }
    }
  }

  private static String where(Rate r) {
    return r.line > 0 ? "line " + r.line + ": " : "";
  }

  public Unit unit() {
    return unit;
  }

  /** The US dollars one credit costs, for a {@link Unit#CREDITS} table. */
  public Optional<BigDecimal> usdPerCredit() {
    return Optional.ofNullable(usdPerCredit);
  }

  /** Where the prices come from: a page, a contract, or the file the table was read from. */
  public String source() {
    return source;
  }

  /** When the prices were read or published, when known. */
  public Optional<LocalDate> asOf() {
    return Optional.ofNullable(asOf);
  }

  /** The rates, in the table's order. */
  public List<Rate> rates() {
    return rates;
  }

  /**
   * The rate for {@code query}: of the rates that match, the one naming the most conditions, the
   * first of those; empty when none matches.
   */
  public Optional<Rate> find(PriceQuery query) {
    if (query == null) throw new NullPointerException("query == null");
    Rate best = null;
    for (Rate r : rates) {
      if (r.matches(query) && (best == null || r.conditions() > best.conditions())) best = r;
    }
    return Optional.ofNullable(best);
  }

  /** Whether some rate can apply to provider {@code id}: one that names that provider or none. */
  public boolean covers(String id) {
    for (Rate r : rates) {
      if (r.provider == null || r.provider.equalsIgnoreCase(id)) return true;
    }
    return false;
  }

  /**
   * The table in one line for listings, such as {@code USD per second of video: 360p 0.025 (0.035
   * with audio), …; as of 2026-06-05}; rates that name another provider than {@code providerId} are
   * left out (null: none is).
   */
  public String describe(@Nullable String providerId) {
    // Rates with the same provider, operation, per-second/per-video and entries are one group,
    // whatever their model, so models priced alike are listed once ("v4.5/v4/v3.5 per video").
    Map<String, List<Rate>> byHead = new LinkedHashMap<>();
    for (Rate r : rates) {
      if (providerId != null && r.provider != null && !r.provider.equalsIgnoreCase(providerId)) {
        continue;
      }
      String key =
          (r.provider == null ? "" : r.provider)
              + "|"
              + (r.model == null ? "" : r.model.name())
              + "|"
              + (r.operation == null ? "" : r.operation.label())
              + "|"
              + r.perSecond;
      byHead.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    Map<String, List<String>> models = new LinkedHashMap<>();
    Map<String, Rate> first = new LinkedHashMap<>();
    for (List<Rate> group : byHead.values()) {
      Rate r = group.get(0);
      String key =
          (r.provider == null ? "" : r.provider)
              + "|"
              + (r.operation == null ? "" : r.operation.label())
              + "|"
              + r.perSecond
              + "|"
              + entries(group);
      models
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(r.model == null ? "" : r.model.name());
      first.putIfAbsent(key, r);
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : models.entrySet()) {
      Rate r = first.get(e.getKey());
      StringBuilder head = new StringBuilder();
      if (r.provider != null) head.append(r.provider).append(' ');
      String names = String.join("/", e.getValue());
      if (!names.replace("/", "").isEmpty()) head.append(names).append(' ');
      if (r.operation != null) head.append(r.operation.label()).append(' ');
      head.append(r.perSecond ? "per second of video: " : "per video: ");
      parts.add(head + e.getKey().substring(e.getKey().lastIndexOf('|') + 1));
    }
    String unitText =
        unit == Unit.USD
            ? "USD"
            : "credits (" + Objects.requireNonNull(usdPerCredit).toPlainString() + " USD each)";
    String body =
        parts.isEmpty()
            ? "no prices"
            : parts.size() == 1
                ? unitText + " " + parts.get(0)
                : unitText + ": " + String.join("; ", parts);
    return body + (asOf == null ? "" : "; as of " + asOf);
  }

  /** The table in one line, every rate; see {@link #describe(String)}. */
  public String describe() {
    return describe(null);
  }

  /**
   * One group's rates, such as {@code 360p 5 (7 with audio), 540p 7 (9 with audio)}: a rate with
   * audio follows its silent twin in brackets.
   */
  private static String entries(List<Rate> group) {
    List<String> out = new ArrayList<>();
    List<Rate> done = new ArrayList<>();
    for (Rate r : group) {
      if (done.contains(r)) continue;
      String label = label(r);
      if (Boolean.FALSE.equals(r.audio)) {
        Rate twin = null;
        for (Rate o : group) {
          if (Boolean.TRUE.equals(o.audio) && label(o).equals(label) && !done.contains(o)) {
            twin = o;
            break;
          }
        }
        if (twin != null) {
          done.add(twin);
          out.add(
              prefix(label)
                  + r.amount.toPlainString()
                  + " ("
                  + twin.amount.toPlainString()
                  + " with audio)");
          continue;
        }
        out.add(prefix(label) + r.amount.toPlainString() + " silent");
      } else if (Boolean.TRUE.equals(r.audio)) {
        out.add(prefix(label) + r.amount.toPlainString() + " with audio");
      } else {
        out.add(prefix(label) + r.amount.toPlainString());
      }
    }
    return String.join(", ", out);
  }

  private static String prefix(String label) {
    return label.isEmpty() ? "" : label + " ";
  }

  /** A rate's quality, motion (only fast) and duration, such as {@code 720p fast 5s}. */
  private static String label(Rate r) {
    List<String> c = new ArrayList<>();
    if (r.quality != null) c.add(r.quality.label());
    if (r.motionMode == MotionMode.FAST) c.add("fast");
    if (r.durationSeconds != null) c.add(r.durationSeconds + "s");
    return String.join(" ", c);
  }

  /**
   * Reads a table in the text form (see the class comment) from a UTF-8 file; its file name is the
   * table's source unless a {@code source} line gives one.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the file and every bad line with its number, in line
   *     order; or, for a file that is not UTF-8 (such as UTF-16, starting with the bytes FF FE),
   *     saying so with the line of the first byte that is not
   */
  public static PriceTable read(Path file) throws IOException {
    if (file == null) throw new NullPointerException("file == null");
    byte[] bytes = Files.readAllBytes(file);
    Path fileName = file.getFileName();
    String name = fileName == null ? file.toString() : fileName.toString();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more chars than it has bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) result = decoder.flush(out);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at && i < bytes.length; i++) if (bytes[i] == '\n') line++;
      boolean utf16 =
          bytes.length >= 2
              && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                  || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
      throw new IllegalArgumentException(
          name
              + " line "
              + line
              + ": not UTF-8"
              + (utf16
                  ? " (it starts with the bytes "
                      + String.format(Locale.ROOT, "%02X %02X", bytes[0], bytes[1])
                      + ", a UTF-16 byte order mark)"
                  : at < bytes.length
                      ? String.format(Locale.ROOT, " (byte %02X at offset %d)", bytes[at], at)
                      : "")
              + "; save the file as UTF-8");
    }
    out.flip();
    return parse(out.toString(), name);
  }

  /**
   * Parses the text form (see the class comment); {@code name} (such as the file name) starts every
   * error message and is the table's source unless a {@code source} line gives one.
   *
   * @throws IllegalArgumentException listing every problem, one a line, each as {@code prices.txt
   *     line 3: unknown condition 'qualty' (…)}
   */
  public static PriceTable parse(String text, String name) {
    if (text == null) throw new NullPointerException("text == null");
    if (name == null) throw new NullPointerException("name == null");
    Parser p = new Parser(name);
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) p.line(i + 1, lines[i]);
    return p.table();
  }

  /** The text form's reader: one instance per text, collecting every problem. */
  private static final class Parser {
    private static final String KEYS =
        "provider, operation, model, quality, audio, duration or motion";
    private final String name;
    private final List<String> problems = new ArrayList<>();
    private final List<Rate> rates = new ArrayList<>();
    private @Nullable Unit unit;
    private int unitLine;
    private @Nullable BigDecimal usdPerCredit;
    private int usdPerCreditLine;
    private boolean usdPerCreditGiven;
    private @Nullable LocalDate asOf;
    private @Nullable String source;

    Parser(String name) {
      this.name = name;
    }

    void problem(int line, String message) {
      problems.add(name + " line " + line + ": " + message);
    }

    void line(int number, String raw) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
      if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1).trim();
      if (line.isEmpty()) return;
      String[] words = line.split("\\s+");
      String first = words[0].toLowerCase(Locale.ROOT);
      if (!first.contains("=") && !first.contains("/")) {
        setting(number, first, line.substring(words[0].length()).trim());
      } else {
        rate(number, words);
      }
    }

    private void setting(int number, String key, String value) {
      switch (key) {
        case "unit":
          if (unit != null) {
            problem(number, "unit is set twice (first on line " + unitLine + ")");
          } else if (value.equalsIgnoreCase("usd")) {
            unit = Unit.USD;
            unitLine = number;
          } else if (value.equalsIgnoreCase("credits")) {
            unit = Unit.CREDITS;
            unitLine = number;
          } else {
            problem(number, "unit is usd or credits, not '" + value + "'");
          }
          return;
        case "usd-per-credit":
          usdPerCreditGiven = true;
          if (usdPerCredit != null) {
            problem(number, "usd-per-credit is set twice (first on line " + usdPerCreditLine + ")");
            return;
          }
          BigDecimal v = decimal(value);
          if (v == null || v.signum() <= 0) {
            problem(
                number,
                "usd-per-credit takes a positive number of US dollars such as 0.01, not '"
                    + value
                    + "'");
          } else {
            usdPerCredit = v;
            usdPerCreditLine = number;
          }
          return;
        case "as-of":
          try {
            asOf = LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            problem(number, "as-of takes a date such as 2026-12-01, not '" + value + "'");
          }
          return;
        case "source":
          if (value.isEmpty()) problem(number, "source needs a text");
          else source = value;
          return;
        default:
          problem(
              number,
              "'"
                  + key
                  + "' is neither a setting (unit, usd-per-credit, as-of, source) nor a price"
                  + " line (conditions such as quality=720p, then a price such as 0.05/s)");
      }
    }

    private void rate(int number, String[] words) {
      int before = problems.size();
      String price = null;
      Map<String, String> conditions = new LinkedHashMap<>();
      for (String w : words) {
        int eq = w.indexOf('=');
        if (eq < 0) {
          if (price != null) {
            problem(number, "two prices ('" + price + "' and '" + w + "'); give one");
          } else {
            price = w;
          }
          continue;
        }
        String key = w.substring(0, eq).toLowerCase(Locale.ROOT);
        String value = w.substring(eq + 1);
        if (conditions.containsKey(key)) {
          problem(number, "condition " + key + " is given twice");
        } else {
          conditions.put(key, value);
        }
      }
      Rate rate = price == null ? null : price(number, price);
      if (price == null) {
        problem(number, "no price: end the line with an amount such as 0.05/s or 0.80/video");
      }
      for (Map.Entry<String, String> c : conditions.entrySet()) {
        if (rate == null) {
          condition(number, null, c.getKey(), c.getValue());
        } else {
          rate = condition(number, rate, c.getKey(), c.getValue());
        }
      }
      if (rate != null && problems.size() == before) rates.add(rate.atLine(number));
    }

    private @Nullable Rate price(int number, String text) {
      int slash = text.indexOf('/');
      String per = slash < 0 ? "" : text.substring(slash + 1).toLowerCase(Locale.ROOT);
      BigDecimal amount = decimal(slash < 0 ? text : text.substring(0, slash));
      if (slash < 0 || !(per.equals("s") || per.equals("second") || per.equals("video"))) {
        problem(
            number,
            "'"
                + text
                + "' is no price: write an amount per second (0.05/s) or per video (0.80/video)");
        return null;
      }
      if (amount == null || amount.signum() < 0) {
        problem(number, "'" + text + "': the amount is not a number of at least 0");
        return null;
      }
      return per.equals("video") ? Rate.perVideo(amount) : Rate.perSecond(amount);
    }

    /** {@code rate} with one more condition; null rate: only checks the condition. */
    private @Nullable Rate condition(int number, @Nullable Rate rate, String key, String value) {
      Rate r = rate == null ? Rate.perVideo(BigDecimal.ZERO) : rate;
      try {
        switch (key) {
          case "provider":
            r = r.provider(value);
            break;
          case "operation":
            if (value.equalsIgnoreCase("generate")) r = r.operation(PriceQuery.Operation.GENERATE);
            else if (value.equalsIgnoreCase("extend")) r = r.operation(PriceQuery.Operation.EXTEND);
            else throw new IllegalArgumentException("operation is generate or extend");
            break;
          case "model":
            r = r.model(Model.of(value));
            break;
          case "quality":
            r = r.quality(Quality.parse(value));
            break;
          case "audio":
            String a = value.toLowerCase(Locale.ROOT);
            if (a.equals("yes") || a.equals("true")) r = r.audio(true);
            else if (a.equals("no") || a.equals("false")) r = r.audio(false);
            else throw new IllegalArgumentException("audio is yes or no");
            break;
          case "duration":
            String d = value.toLowerCase(Locale.ROOT);
            if (d.endsWith("s")) d = d.substring(0, d.length() - 1);
            long seconds;
            try {
              seconds = Long.parseLong(d);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException(
                  "duration is a whole number of seconds such as 5 or 5s", e);
            }
            r = r.durationSeconds(seconds);
            break;
          case "motion":
            if (value.equalsIgnoreCase("normal")) r = r.motionMode(MotionMode.NORMAL);
            else if (value.equalsIgnoreCase("fast")) r = r.motionMode(MotionMode.FAST);
            else throw new IllegalArgumentException("motion is normal or fast");
            break;
          default:
            problem(number, "unknown condition '" + key + "' (use " + KEYS + ")");
            return rate;
        }
      } catch (IllegalArgumentException e) {
        problem(number, key + "=" + value + ": " + e.getMessage());
        return rate;
      }
      return rate == null ? null : r;
    }

    private static @Nullable BigDecimal decimal(String text) {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** The line number a problem starts with ({@code prices.txt line 3: …}); 0 for none. */
    private int lineOf(String problem) {
      String prefix = name + " line ";
      if (!problem.startsWith(prefix)) return 0;
      int end = prefix.length();
      while (end < problem.length() && Character.isDigit(problem.charAt(end))) end++;
      return end == prefix.length() ? 0 : Integer.parseInt(problem.substring(prefix.length(), end));
    }

    PriceTable table() {
      Unit u = unit == null ? Unit.USD : unit;
      if (u == Unit.USD && usdPerCredit != null) {
        problem(
            usdPerCreditLine,
            "usd-per-credit is for a table in credits; add 'unit credits' or remove it");
      }
      if (u == Unit.CREDITS && !usdPerCreditGiven) {
        problem(
            unitLine,
            "a table in credits needs a line 'usd-per-credit AMOUNT', the US dollars one credit"
                + " costs you");
      }
      List<String> own = new ArrayList<>();
      check(u, u == Unit.CREDITS ? usdPerCredit : BigDecimal.ONE, rates, own);
      for (String o : own) {
        if (o.startsWith("a price table")) {
          if (problems.isEmpty()) {
            problems.add(name + ": no price lines (such as 'quality=720p 0.05/s')");
          }
        } else if (!o.startsWith("a table in credits")) {
          problems.add(name + " " + o);
        }
      }
      if (!problems.isEmpty()) {
        // In line order, whichever check found them (a stable sort: a line's problems keep theirs).
        List<String> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(this::lineOf));
        throw new IllegalArgumentException(String.join("\n", sorted));
      }
      Builder b = builder(u, source == null ? name : source);
      if (usdPerCredit != null) b.usdPerCredit(usdPerCredit);
      if (asOf != null) b.asOf(asOf);
      for (Rate r : rates) b.add(r);
      return b.build();
    }
  }
}
