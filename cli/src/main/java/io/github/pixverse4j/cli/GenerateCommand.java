package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.client.journal.TaskJournal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pixverse4j generate}: submits an image and a prompt, follows the task, saves the video. */
@Command(name = "generate",
  exitCodeListHeading = ExitCodes.HEADING,
  exitCodeList = {ExitCodes.VIDEO_SAVED, ExitCodes.OTHER_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.AUTH_TEXT, ExitCodes.CREDITS_TEXT, ExitCodes.TASK_FAILED_TEXT, ExitCodes.TIMEOUT_TEXT, ExitCodes.CANCELLED_TEXT, ExitCodes.INTERRUPTED_TEXT},
    description = "Submit an image and a prompt, show progress, download the video.")
final class GenerateCommand implements Callable<Integer> {
  @ParentCommand Main parent;
  @Mixin Options.Print print;
  @Mixin Options.BaseUrl baseUrl;
  @Mixin Options.Simulate simulate;
  @Mixin Options.Follow follow;
  @Mixin Options.Save save;
  @Mixin Options.NoDownload noDownload;

  @Option(names = "--image", required = true, paramLabel = "URL|FILE", descriptionKey = HelpText.IMAGE,
      description = "The first frame: a public http(s) URL, or a local file where the provider accepts uploads"
          + " (a path, relative to the current directory, or a file: URI such as file:///home/me/cat.png).")
  String image;

  @Option(names = "--prompt", paramLabel = "TEXT", descriptionKey = HelpText.PROMPT,
      description = "What should happen in the video.")
  String prompt;

  @Option(names = "--prompt-file", paramLabel = "FILE",
      description = "Read the prompt from this UTF-8 text file instead (- for standard input, as --prompt - does);"
          + " one trailing line break is dropped. Default: the prompt is --prompt's text.")
  Path promptFile;

  @Option(names = "--provider", paramLabel = "ID", descriptionKey = HelpText.PROVIDER,
      completionCandidates = Connection.Ids.class,
      description = "The provider (default: the first whose key is set, else a simulated pixverse).")
  String provider;

  @Option(names = "--negative-prompt", paramLabel = "TEXT", descriptionKey = HelpText.NEGATIVE_PROMPT,
      description = "What the video should not show.")
  String negativePrompt;

  // Text, not Integer: a value that does not parse is one of the problems listed together.
  @Option(names = "--duration", paramLabel = "SECONDS", descriptionKey = HelpText.DURATION,
      description = "Length of the video in whole seconds (5 or 5s).")
  String duration;

  @Option(names = "--quality", paramLabel = "QUALITY", descriptionKey = HelpText.QUALITY,
      description = "360p, 540p, 720p or 1080p.")
  String quality;

  @Option(names = "--seed", paramLabel = "N", descriptionKey = HelpText.SEED,
      description = "Seed for a repeatable result.")
  Long seed;

  @Option(names = "--audio", descriptionKey = HelpText.AUDIO, description = "Generate sound too.")
  boolean audio;

  @Option(names = "--multi-clip", descriptionKey = HelpText.MULTI_CLIP,
      description = "Allow camera changes and transitions.")
  boolean multiClip;

  @Option(names = "--model", paramLabel = "M", descriptionKey = HelpText.MODEL,
      description = "Model version, e.g. v4.5 (PixVerse platform only).")
  String model;

  @Override
  public Integer call() throws Exception {
    Output out = parent.output(print, follow.policy(false).deadline());
    Path target = parent.resolveOutput(save.output);
    // Every problem with the options and the request is listed at once, before the cost
    // estimate and before any simulator starts: fixing them one run at a time wasted runs.
    List<RuntimeException> problems = new ArrayList<>();
    if (!noDownload.noDownload) {
      note(problems, () -> Preflight.outputTarget(target != null ? target : parent.cwd, save.force));
    }
    String url = null;
    try {
      url = baseUrl.checked();
    } catch (IllegalArgumentException e) {
      problems.add(e);
    }
    promptText(problems);
    ImageInput imageInput = image(problems);
    ImageToVideoRequest request = request(imageInput, problems);
    String id = null;
    try {
      id = Connection.chooseProvider(provider, parent.env);
    } catch (IllegalArgumentException e) {
      problems.add(e);
    }
    if (url != null && id != null) {
      io.github.pixverse4j.client.VideoProviderFactory f = Connection.factory(id);
      boolean keySet = Connection.key(f, parent.env).isPresent();
      if (simulate.simulate || !keySet) {
        // The simulator runs in-process at its own address: a --base-url would be silently ignored.
        problems.add(new IllegalArgumentException("--base-url " + url + " cannot be used while " + f.id()
            + " is simulated (" + (simulate.simulate ? "--simulate was given" : f.apiKeyEnvironmentVariable()
            + " is not set") + "): " + (simulate.simulate ? "leave out --simulate or --base-url"
            : "set " + f.apiKeyEnvironmentVariable() + " or leave out --base-url")));
      }
    }
    // A local file for a simulated provider that takes image URLs only is checked as the URL it becomes.
    boolean upload = id != null && request != null
        && Connection.simulates(Connection.factory(id), parent.env, simulate.simulate)
        && SimulatedUploads.needed(Connection.factory(id).capabilities(), request);
    ImageToVideoRequest checked = upload ? SimulatedUploads.standIn(request) : request;
    List<io.github.pixverse4j.api.Violation> violations =
        id == null || request == null ? List.of() : Connection.factory(id).capabilities().validate(checked);
    if (imageRefused) {
      violations = violations.stream().filter(v -> !"image".equals(v.field())).collect(java.util.stream.Collectors.toList());
    }
    if (problems.isEmpty() && !violations.isEmpty()) Connection.factory(id).capabilities().requireValid(checked);
    if (problems.size() == 1 && violations.isEmpty()) throw problems.get(0);
    if (!problems.isEmpty()) {
      StringBuilder b = new StringBuilder("Invalid request (nothing was sent): ");
      List<String> all = new ArrayList<>();
      for (RuntimeException e : problems) all.add(e.getMessage());
      for (io.github.pixverse4j.api.Violation v : violations) all.add(Messages.describe(v));
      for (int i = 0; i < all.size(); i++) {
        String m = all.get(i).trim();
        b.append(i == 0 ? "" : " ").append(m).append(m.endsWith(".") ? "" : ".");
      }
      throw new IllegalArgumentException(b.toString());
    }
    TaskJournal journal = JournalLocation.forConnection(id, parent.env, simulate.simulate);
    Map<String, String> labels = Delivery.targetLabels(noDownload.noDownload, target, parent.cwd);
    Connection.Settings settings = new Connection.Settings(url, simulate.simulate, follow::policy);
    try (Connection c = Connection.open(id, parent.env, settings, parent.err, journal)) {
      out.hint(c.resumeHint().output(target));
      parent.hint = out.hint();
      ImageToVideoRequest sent = upload ? SimulatedUploads.upload(c.simulator, c.factory.capabilities(), request, out)
          : request;
      c.factory.estimateUsd(sent).ifPresent(usd -> out.say("Estimated cost at %s's published prices: %s USD%s",
          c.factory.id(), usd.toPlainString(), c.simulated() ? " (simulated: nothing is charged)" : ""));
      out.waiting("Submitting the job to " + c.factory.id());
      Delivery delivery = new Delivery(parent, c, out, print.verbose);
      return delivery.followAndSave(c.client.generate(sent, labels, delivery.submitListener()), null,
          noDownload.noDownload, target, save.force);
    }
  }

  /** Runs {@code check}, noting its problem (an {@link IllegalArgumentException}) instead of stopping. */
  private static void note(List<RuntimeException> problems, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      problems.add(e);
    }
  }

  /**
   * The request from the options that parse; each option that does not is noted in {@code
   * problems} and left out, so the provider's limits are still checked for the others. Null when
   * there is no image to build a request around.
   */
  private String promptText;

  /**
   * The prompt: {@code --prompt TEXT}; {@code --prompt -} or {@code --prompt-file -} reads standard
   * input, {@code --prompt-file FILE} a file (UTF-8, one trailing line break dropped). Null, with
   * the problem noted, when none or both are given or the text cannot be read.
   */
  private String promptText(List<RuntimeException> problems) {
    if ((prompt == null) == (promptFile == null)) {
      problems.add(new IllegalArgumentException(prompt == null
          ? "Give the prompt: --prompt TEXT, --prompt - (standard input) or --prompt-file FILE"
          : "Give the prompt once: --prompt or --prompt-file, not both"));
      return null;
    }
    try {
      if ("-".equals(prompt) || (promptFile != null && promptFile.toString().equals("-"))) {
        promptText = chomp(new String(parent.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      } else if (promptFile != null) {
        Path file = parent.cwd.resolve(promptFile).normalize();
        promptText = chomp(new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8));
      } else {
        promptText = prompt;
      }
    } catch (java.io.IOException e) {
      problems.add(new IllegalArgumentException("--prompt-file " + promptFile + " cannot be read ("
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")", e));
      return null;
    }
    return promptText;
  }

  private static String chomp(String text) {
    if (text.endsWith("\r\n")) return text.substring(0, text.length() - 2);
    if (text.endsWith("\n")) return text.substring(0, text.length() - 1);
    return text;
  }

  private ImageToVideoRequest request(ImageInput imageInput, List<RuntimeException> problems) {
    ImageToVideoRequest.Builder b = ImageToVideoRequest.builder().prompt(promptText == null ? "" : promptText);
    if (imageInput != null) b.image(imageInput);
    if (negativePrompt != null) b.negativePrompt(negativePrompt);
    if (duration != null) {
      Integer seconds = durationSeconds(duration);
      if (seconds == null) {
        problems.add(new IllegalArgumentException(
            "--duration must be a whole number of seconds above 0 (e.g. 5 or 5s), got '" + duration.trim() + "'"));
      } else {
        b.durationSeconds(seconds);
      }
    }
    if (quality != null) {
      try {
        b.quality(Quality.parse(quality));
      } catch (IllegalArgumentException e) {
        problems.add(new IllegalArgumentException("--quality: " + e.getMessage(), e));
      }
    }
    if (seed != null) b.seed(seed);
    if (audio) b.audio(true);
    if (multiClip) b.multiClip(true);
    if (model != null) {
      ProviderCapabilities caps = chosenCapabilities();
      String m = model.trim();
      if (caps != null && m.equalsIgnoreCase(caps.model())) {
        // The model id the help shows as the default: the same as leaving --model out.
      } else if (caps != null && !m.toLowerCase(Locale.ROOT).matches("[v0-9].*")) {
        // Not a version such as v6 or 4.5 (Model.of would make "pixverse-x" into "vpixverse-x").
        problems.add(new IllegalArgumentException("--model " + m + " is not a model of " + caps.providerId()
            + ": use " + caps.model() + (caps.models().isEmpty() ? " (its only model) or leave out --model"
            : " (the default) or " + io.github.pixverse4j.api.internal.ListText.of(caps.models().stream().map(Model::name)
                .collect(java.util.stream.Collectors.toList()), "or"))));
      } else {
        try {
          b.model(Model.of(m));
        } catch (IllegalArgumentException e) {
          problems.add(new IllegalArgumentException("--model: " + e.getMessage(), e));
        }
      }
    }
    if (imageInput == null || promptText == null) return null;
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.add(new IllegalArgumentException(e.getMessage(), e));
      return null;
    }
  }

  /** The capabilities of the provider this run will use; null when --provider names none (reported elsewhere). */
  private ProviderCapabilities chosenCapabilities() {
    try {
      return Connection.factory(Connection.chooseProvider(provider, parent.env)).capabilities();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * {@code --duration} in whole seconds: {@code 5}, {@code 5s} or any duration the other
   * options take ({@code 1m}); null when it is none or not a whole number of seconds above 0.
   */
  static Integer durationSeconds(String text) {
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (RuntimeException notADuration) {
      return null;
    }
    if (d.isNegative() || d.isZero() || d.getNano() != 0 || d.getSeconds() > Integer.MAX_VALUE) return null;
    return (int) d.getSeconds();
  }

  /**
   * The image {@code --image} names: an http(s) URL; a {@code file:} URI (absolute:
   * {@code file:///home/me/cat.png}); or a path, relative to the working directory. A local file
   * is checked ({@link Preflight#imageFile}); each problem is noted in {@code problems}. Null
   * only when the text is no usable image reference at all.
   */
  /**
   * Whether the local check of the image file found a problem: the provider's own check of the
   * same file then says the same thing again (with another list of formats), so it is left out.
   */
  private boolean imageRefused;

  private ImageInput image(List<RuntimeException> problems) {
    String text = image.trim();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        return ImageInput.url(text);
      } catch (IllegalArgumentException e) {
        problems.add(new IllegalArgumentException("--image: " + e.getMessage(), e));
        return null;
      }
    }
    Path file;
    if (lower.startsWith("file:")) {
      try {
        if (lower.startsWith("file:///") && text.contains(" ")) {
          // Typed by hand with the path's spaces as they are: not a valid URI, but unambiguous.
          text = text.substring(0, "file://".length()) + text.substring("file://".length()).replace(" ", "%20");
        }
        java.net.URI uri = new java.net.URI(text);
        String host = uri.getHost();
        if (uri.isOpaque() || (host != null && !host.equalsIgnoreCase("localhost"))) {
          throw new IllegalArgumentException("a file: URI must name an absolute path on this machine");
        }
        file = Paths.get(new java.net.URI("file", null, uri.getPath(), null));
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        problems.add(new IllegalArgumentException("--image " + image.trim() + " is not a usable file: URI ("
            + (e instanceof java.net.URISyntaxException ? "not a valid URI" : e.getMessage())
            + "): write file:///home/me/cat.png, or just the path"));
        return null;
      }
    } else if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
      String scheme = text.substring(0, text.indexOf(':'));
      problems.add(new IllegalArgumentException("--image " + text + ": " + scheme + " URLs are not accepted;"
          + " give an http(s) URL, a file: URI (file:///home/me/cat.png) or the path of a local file"));
      return null;
    } else {
      file = parent.cwd.resolve(text).normalize();
    }
    int before = problems.size();
    note(problems, () -> Preflight.imageFile(file, chosenCapabilities()));
    imageRefused = problems.size() > before;
    return ImageInput.file(file);
  }
}
