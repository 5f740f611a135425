package io.github.pixverse4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.client.batch.BatchEvent;
import io.github.pixverse4j.client.batch.BatchItem;
import io.github.pixverse4j.client.batch.BatchItemResult;
import io.github.pixverse4j.client.batch.BatchProgress;
import io.github.pixverse4j.client.batch.BatchRunner;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.github.pixverse4j.client.price.CostEstimate;
import io.github.pixverse4j.client.price.PriceSettings;
import io.reactivex.rxjava3.core.Flowable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pixverse4j batch FILE --output-dir DIR}: one video per line of a JSON-lines file, through
 * the library's {@link BatchRunner}; each line holds generate's options by their long names.
 */
@Command(
    name = "batch",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      BatchCommand.ALL_DELIVERED_TEXT,
      BatchCommand.NOT_ALL_TEXT,
      ExitCodes.USAGE_TEXT,
      ExitCodes.AUTH_TEXT,
      ExitCodes.CREDITS_TEXT,
      ExitCodes.INTERRUPTED_TEXT
    },
    description =
        "Make one video per line of a JSON-lines FILE (- for standard input), each saved as"
            + " DIR/<id>.mp4, with at most --concurrency tasks at the provider at once. Running"
            + " it again resumes: no item gets a second job. See docs/batch.md.")
final class BatchCommand implements Callable<Integer> {
  static final String ALL_DELIVERED_TEXT =
      "  0:every item was delivered (--dry-run: every item would be sent or is delivered)";
  static final String NOT_ALL_TEXT =
      "  1:some items were not delivered (the summary and each item's line say why)";

  /** An item id names its file: letters, digits, '.', '_' and '-', not starting with '.'. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

  /** The fields of a line, generate's long option names without the dashes. */
  static final List<String> FIELDS =
      Arrays.asList(
          "id",
          "image",
          "prompt",
          "prompt-file",
          "negative-prompt",
          "duration",
          "quality",
          "seed",
          "model",
          "audio",
          "multi-clip");

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand Main parent;
  @Mixin Options.Print print;
  @Mixin Options.BaseUrl baseUrl;
  @Mixin Options.Simulate simulate;
  @Mixin Options.Follow follow;
  @Mixin PriceOptions prices;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description =
          "One JSON object a line: id (optional: the line number), image, prompt, and any of"
              + " generate's options by their long names without the dashes (duration, quality,"
              + " seed, negative-prompt, model, audio, multi-clip, prompt-file). - reads standard"
              + " input.")
  String file;

  @Option(
      names = "--output-dir",
      required = true,
      paramLabel = "DIR",
      description =
          "Where each video is saved, as <id>.mp4 (created if missing). It also names the batch:"
              + " the same DIR resumes it.")
  Path outputDir;

  @Option(
      names = "--provider",
      paramLabel = "ID",
      completionCandidates = Connection.Ids.class,
      description =
          "The provider (default: the first whose key is set, else a simulated pixverse).")
  String provider;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "The most tasks at the provider at once; fewer while it refuses for its limit. Default:"
              + " 4.")
  int concurrency;

  @Option(
      names = "--budget",
      paramLabel = "USD",
      description =
          "Send no item whose estimate would take the batch past this many US dollars; an item"
              + " without an estimate is not sent. Default: no budget.")
  BigDecimal budget;

  @Option(
      names = "--dry-run",
      description =
          "Check every item and total the estimates; send nothing. Default: send the items.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    Output out = parent.output(print, follow.policy(false).deadline());
    List<RuntimeException> problems = new ArrayList<>();
    String url = null;
    try {
      url = baseUrl.checked();
    } catch (IllegalArgumentException e) {
      problems.add(e);
    }
    String id = VideoOptions.providerId(provider, parent.env, problems);
    VideoOptions.checkBaseUrl(url, id, parent.env, simulate.simulate, problems);
    if (concurrency < 1)
      problems.add(new IllegalArgumentException("--concurrency must be 1 or more: " + concurrency));
    if (budget != null && budget.signum() < 0)
      problems.add(new IllegalArgumentException("--budget must be 0 or more: " + budget));
    Path input = "-".equals(file) ? null : parent.cwd.resolve(file).normalize();
    if (input != null && !Files.isReadable(input))
      problems.add(new IllegalArgumentException(file + " cannot be read (no such file)"));
    Path dir = parent.cwd.resolve(outputDir).normalize().toAbsolutePath();
    if (Files.exists(dir) && !Files.isDirectory(dir))
      problems.add(new IllegalArgumentException("--output-dir " + outputDir + " is a file"));
    PriceSettings priceSettings = prices.settings(parent, problems);
    VideoOptions.refuse(problems, java.util.Collections.emptyList(), () -> {});
    if (!dryRun) {
      Files.createDirectories(dir);
      Preflight.outputTarget(dir, false);
    }

    TaskJournal journal = JournalLocation.forConnection(id, parent.env, simulate.simulate);
    Connection.Settings settings = new Connection.Settings(url, simulate.simulate, follow::policy);
    try (Connection c = Connection.open(id, parent.env, settings, parent.err, journal)) {
      BatchRunner.Builder b =
          BatchRunner.builder(c.client, dir.toString())
              .maxConcurrency(concurrency)
              .outputDirectory(dir);
      java.util.function.Function<BatchItem, Optional<BigDecimal>> estimate =
          item ->
              (item.imageToVideo().isPresent()
                      ? c.factory.estimate(item.imageToVideo().get(), priceSettings)
                      : item.extend().isPresent()
                          ? c.factory.estimate(item.extend().get(), priceSettings)
                          : Optional.<CostEstimate>empty())
                  .map(CostEstimate::usd);
      if (input != null) {
        try {
          b.expectedItems(countItems(input));
        } catch (IOException | UncheckedIOException notCounted) {
          // The total is then known when the input ends; each line is still read as it comes.
        }
      }
      if (budget != null) b.budgetUsd(budget, estimate);
      else b.costEstimator(estimate);
      BatchRunner runner = b.build();
      Flowable<BatchItem> items = lines(input).map(line -> item(line, c, out));
      Summary summary = new Summary(out, dir);
      try {
        parent.waits.each(
            (dryRun ? runner.dryRun(items) : runner.run(items)).toObservable(), summary::event);
      } catch (Waits.CommandInterruptedException e) {
        summary.end(true);
        throw e;
      }
      return summary.end(false);
    }
  }

  /** The lines that are not blank: the items a file holds, for the total and the time left. */
  private static long countItems(Path input) throws IOException {
    try (java.util.stream.Stream<String> lines = Files.lines(input, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.trim().isEmpty()).count();
    }
  }

  /** One line of the input, with its number (1-based). */
  static final class Line {
    final long number;
    final String text;

    Line(long number, String text) {
      this.number = number;
      this.text = text;
    }
  }

  /** The input's lines that are not blank, read one at a time as the runner asks for items. */
  private Flowable<Line> lines(Path input) {
    return Flowable.generate(
        () ->
            new Object[] {
              new BufferedReader(
                  new InputStreamReader(
                      input == null ? parent.in : Files.newInputStream(input),
                      StandardCharsets.UTF_8)),
              new long[] {0}
            },
        (state, emitter) -> {
          BufferedReader r = (BufferedReader) state[0];
          long[] number = (long[]) state[1];
          try {
            for (; ; ) {
              String text = r.readLine();
              number[0]++;
              if (text == null) {
                emitter.onComplete();
                return;
              }
              if (!text.trim().isEmpty()) {
                emitter.onNext(new Line(number[0], text));
                return;
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        state -> {
          if (input != null) ((BufferedReader) state[0]).close();
        });
  }

  /**
   * The item of one line: generate's options filled from its fields and read as generate reads them
   * ({@link GenerateCommand#request}); every problem of the line is kept for its result.
   */
  private BatchItem item(Line line, Connection c, Output out) {
    String fallbackId = Long.toString(line.number);
    JsonNode json;
    try {
      json = JSON.readTree(line.text);
    } catch (IOException e) {
      return BatchItem.invalid(
          fallbackId, List.of("Line " + line.number + " is not JSON: " + firstLine(e)));
    }
    if (json == null || !json.isObject()) {
      return BatchItem.invalid(
          fallbackId, List.of("Line " + line.number + " is not a JSON object."));
    }
    List<String> problems = new ArrayList<>();
    String id = fallbackId;
    JsonNode idNode = json.get("id");
    if (idNode != null && !idNode.isNull()) {
      String given = idNode.isTextual() || idNode.isIntegralNumber() ? idNode.asText() : null;
      if (given == null || !ID.matcher(given).matches()) {
        problems.add(
            "id "
                + idNode
                + " cannot name a file: use up to 100 letters, digits, '.', '_' or '-' (line "
                + line.number
                + ")");
      } else {
        id = given;
      }
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name))
        problems.add("Unknown field '" + name + "': the fields are " + String.join(", ", FIELDS));
    }
    GenerateCommand g = new GenerateCommand();
    g.parent = parent;
    g.video = new VideoOptions();
    g.video.provider = provider;
    g.image = text(json, "image", problems);
    g.video.prompt = text(json, "prompt", problems);
    String promptFile = text(json, "prompt-file", problems);
    if (promptFile != null) g.video.promptFile = java.nio.file.Paths.get(promptFile);
    if ("-".equals(g.video.prompt) || "-".equals(promptFile))
      problems.add("A batch item cannot read its prompt from standard input ('-').");
    g.video.negativePrompt = text(json, "negative-prompt", problems);
    JsonNode duration = json.get("duration");
    if (duration != null && !duration.isNull()) g.video.duration = duration.asText();
    g.video.quality = text(json, "quality", problems);
    JsonNode seed = json.get("seed");
    if (seed != null && !seed.isNull()) {
      if (seed.canConvertToLong() && seed.isIntegralNumber()) g.video.seed = seed.asLong();
      else problems.add("seed must be a whole number, got " + seed);
    }
    g.video.model = text(json, "model", problems);
    g.audio = flag(json, "audio", problems);
    g.multiClip = flag(json, "multi-clip", problems);
    if (g.image == null) problems.add("image is missing: give an http(s) URL or a file");
    ImageToVideoRequest request = null;
    if (g.image != null) {
      // Read even when the line has other problems, so that every problem is reported at once.
      List<RuntimeException> found = new ArrayList<>();
      request = g.request(found);
      for (RuntimeException e : found) problems.add(optionToField(e.getMessage()));
    }
    if (request == null) {
      if (problems.isEmpty()) problems.add("The item could not be read (line " + line.number + ")");
      return BatchItem.invalid(id, problems);
    }
    boolean upload =
        c.simulator != null && SimulatedUploads.needed(c.factory.capabilities(), request);
    // The provider's limits in field names, as generate says them in option names.
    for (io.github.pixverse4j.api.Violation v :
        c.client.capabilities().validate(upload ? SimulatedUploads.standIn(request) : request)) {
      problems.add(optionToField(Messages.describe(v)));
    }
    if (!problems.isEmpty()) return BatchItem.invalid(id, problems);
    if (upload) {
      request = SimulatedUploads.upload(c.simulator, c.factory.capabilities(), request, out);
    }
    return BatchItem.of(id, request);
  }

  /**
   * Generate's messages name options ({@code --duration}); a line has fields ({@code duration}).
   */
  private static String optionToField(String message) {
    return message.replaceAll("(^|[\\s(])--([a-z][a-z-]*)", "$1$2");
  }

  private static String text(JsonNode json, String field, List<String> problems) {
    JsonNode n = json.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual()) {
      problems.add(field + " must be a string, got " + n);
      return null;
    }
    return n.asText();
  }

  private static boolean flag(JsonNode json, String field, List<String> problems) {
    JsonNode n = json.get(field);
    if (n == null || n.isNull()) return false;
    if (!n.isBoolean()) {
      problems.add(field + " must be true or false, got " + n);
      return false;
    }
    return n.asBoolean();
  }

  private static String firstLine(IOException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** What the command prints: item lines, the live line, the closing summary. */
  private final class Summary {
    private final Output out;
    private final Path dir;
    private final Map<BatchItemResult.Outcome, Long> byOutcome =
        new EnumMap<>(BatchItemResult.Outcome.class);
    private BatchProgress last;
    private long lastDrawMillis;

    Summary(Output out, Path dir) {
      this.out = out;
      this.dir = dir;
    }

    void event(BatchEvent e) {
      last = e.progress();
      if (e.item().isPresent()) item(e.item().get());
      if (parent.terminal && !print.json) {
        long now = System.currentTimeMillis();
        if (now - lastDrawMillis >= 200 || e.item().isPresent()) {
          lastDrawMillis = now;
          parent.err.print("\r\033[K" + live(last));
          parent.err.flush();
        }
      }
    }

    private void item(BatchItemResult r) {
      byOutcome.merge(r.outcome(), 1L, Long::sum);
      if (print.json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "item");
        m.put("id", r.id());
        m.put("outcome", r.outcome().name());
        r.handle().ifPresent(h -> m.put("task", h.token()));
        r.savedPath().ifPresent(p -> m.put("file", p.toString()));
        r.estimateUsd().ifPresent(u -> m.put("estimateUsd", u));
        if (!r.problems().isEmpty()) m.put("problems", r.problems());
        m.put("fromEarlierRun", r.fromEarlierRun());
        out.line(m);
        return;
      }
      if (r.outcome().isDelivered()
          || r.outcome() == BatchItemResult.Outcome.WOULD_SUBMIT
          || r.outcome() == BatchItemResult.Outcome.WOULD_RESUME) return;
      if (parent.terminal) parent.err.print("\r\033[K");
      out.say(
          "%s: %s%s",
          r.id(), r.outcome(), r.problems().isEmpty() ? "" : ": " + String.join(" ", r.problems()));
    }

    private String live(BatchProgress p) {
      StringBuilder b = new StringBuilder();
      b.append(p.delivered())
          .append(p.total().map(t -> " of " + t).orElse(""))
          .append(" delivered");
      b.append(", ").append(p.failed()).append(" not");
      b.append(", ").append(p.running() + p.submitting()).append(" running");
      if (p.waiting() > 0) b.append(", ").append(p.waiting()).append(" waiting");
      if (p.committedUsd().signum() > 0) b.append(", $").append(p.committedUsd().toPlainString());
      p.estimatedTimeLeft()
          .ifPresent(d -> b.append(", ~").append(Durations.format(d)).append(" left"));
      return b.toString();
    }

    /** Prints the closing summary and returns the exit code. */
    int end(boolean interrupted) {
      long items = 0;
      for (long n : byOutcome.values()) items += n;
      long good =
          byOutcome.getOrDefault(BatchItemResult.Outcome.DELIVERED, 0L)
              + (dryRun
                  ? byOutcome.getOrDefault(BatchItemResult.Outcome.WOULD_SUBMIT, 0L)
                      + byOutcome.getOrDefault(BatchItemResult.Outcome.WOULD_RESUME, 0L)
                  : 0L);
      int code =
          interrupted ? ExitCodes.INTERRUPTED : good == items ? ExitCodes.OK : ExitCodes.OTHER;
      BigDecimal committed = last == null ? BigDecimal.ZERO : last.committedUsd();
      if (parent.terminal && !print.json) parent.err.print("\r\033[K");
      if (print.json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "summary");
        m.put("dryRun", dryRun);
        m.put("items", items);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<BatchItemResult.Outcome, Long> e : byOutcome.entrySet())
          counts.put(e.getKey().name(), e.getValue());
        m.put("outcomes", counts);
        m.put("estimatedUsd", committed);
        m.put("outputDir", dir.toString());
        if (interrupted) m.put("interrupted", true);
        m.put("exitCode", code);
        out.line(m);
        return code;
      }
      StringBuilder b = new StringBuilder();
      if (dryRun) {
        b.append("Dry run, nothing sent: ")
            .append(good)
            .append(" of ")
            .append(items)
            .append(" items would be delivered");
      } else {
        b.append(byOutcome.getOrDefault(BatchItemResult.Outcome.DELIVERED, 0L))
            .append(" of ")
            .append(items)
            .append(" items delivered to ")
            .append(dir);
      }
      for (Map.Entry<BatchItemResult.Outcome, Long> e : byOutcome.entrySet()) {
        if (e.getKey() == BatchItemResult.Outcome.DELIVERED) continue;
        b.append("; ").append(e.getValue()).append(' ').append(e.getKey());
      }
      if (committed.signum() > 0) b.append("; estimated $").append(committed.toPlainString());
      if (interrupted) b.append(" (interrupted: run the same command again to resume)");
      parent.out.println(b);
      parent.out.flush();
      return code;
    }
  }
}
