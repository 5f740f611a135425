package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.SubmitListener;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Observable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The options of the commands that submit a job ({@code generate}, {@code extend}): the prompt, the
 * provider and the settings of the video, a picocli mixin; and the checks they share, each problem
 * noted in a list so that every one is reported at once before anything is sent.
 */
final class VideoOptions {
  @Option(
      names = "--prompt",
      paramLabel = "TEXT",
      descriptionKey = HelpText.PROMPT,
      description = "What should happen in the video.")
  String prompt;

  @Option(
      names = "--prompt-file",
      paramLabel = "FILE",
      description =
          "Read the prompt from this UTF-8 text file instead (- for standard input, as --prompt -"
              + " does); one trailing line break is dropped. Default: the prompt is --prompt's"
              + " text.")
  Path promptFile;

  @Option(
      names = "--provider",
      paramLabel = "ID",
      descriptionKey = HelpText.PROVIDER,
      completionCandidates = Connection.Ids.class,
      description =
          "The provider (default: the first whose key is set, else a simulated pixverse).")
  String provider;

  @Option(
      names = "--negative-prompt",
      paramLabel = "TEXT",
      descriptionKey = HelpText.NEGATIVE_PROMPT,
      description = "What the video should not show.")
  String negativePrompt;

  // Text, not Integer: a value that does not parse is one of the problems listed together.
  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      descriptionKey = HelpText.DURATION,
      description = "Length of the video in whole seconds (5 or 5s).")
  String duration;

  @Option(
      names = "--quality",
      paramLabel = "QUALITY",
      descriptionKey = HelpText.QUALITY,
      description = "360p, 540p, 720p or 1080p.")
  String quality;

  @Option(
      names = "--seed",
      paramLabel = "N",
      descriptionKey = HelpText.SEED,
      description = "Seed for a repeatable result.")
  Long seed;

  @Option(
      names = "--model",
      paramLabel = "M",
      descriptionKey = HelpText.MODEL,
      description = "Model version, e.g. v4.5 (PixVerse platform only).")
  String model;

  /** What a submitting command sends once its connection is open: the task's status stream. */
  interface Submit {
    Observable<TaskStatus> start(Connection c, Map<String, String> labels, SubmitListener listener)
        throws Exception;
  }

  /**
   * The first checks of a submitting command, each problem noted: the output target (unless {@code
   * --no-download}) and {@code --base-url}. Returns the checked URL, null when not given or wrong.
   */
  static String checkOutputAndBaseUrl(
      Main parent,
      Path target,
      Options.Save save,
      Options.NoDownload noDownload,
      Options.BaseUrl baseUrl,
      List<RuntimeException> problems) {
    if (!noDownload.noDownload) {
      note(
          problems, () -> Preflight.outputTarget(target != null ? target : parent.cwd, save.force));
    }
    try {
      return baseUrl.checked();
    } catch (IllegalArgumentException e) {
      problems.add(e);
      return null;
    }
  }

  /**
   * Opens the connection to provider {@code id} (simulated or at {@code url}) with its task
   * journal, sends what {@code submit} starts, follows the task and saves the video ({@link
   * Delivery}); returns the exit code. Called once every check passed.
   */
  static int submitAndFollow(
      Main parent,
      Output out,
      String id,
      String url,
      Options.Simulate simulate,
      Options.Follow follow,
      Options.Print print,
      Options.Save save,
      Options.NoDownload noDownload,
      Path target,
      Submit submit)
      throws Exception {
    TaskJournal journal = JournalLocation.forConnection(id, parent.env, simulate.simulate);
    Map<String, String> labels = Delivery.targetLabels(noDownload.noDownload, target, parent.cwd);
    Connection.Settings settings =
        new Connection.Settings(url, simulate.simulate, follow::policy, print.httpLog(parent.err));
    try (Connection c = Connection.open(id, parent.env, settings, parent.err, journal)) {
      out.hint(c.resumeHint().output(target));
      parent.hint = out.hint();
      Delivery delivery = new Delivery(parent, c, out, print.verbose);
      return delivery.followAndSave(
          submit.start(c, labels, delivery.submitListener()),
          null,
          noDownload.noDownload,
          target,
          save.force);
    }
  }

  /**
   * Runs {@code check}, noting its problem (an {@link IllegalArgumentException}) instead of
   * stopping.
   */
  static void note(List<RuntimeException> problems, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      problems.add(e);
    }
  }

  /**
   * The provider this run uses ({@code --provider}, else the default); null, with the problem
   * noted, when none.
   */
  static String providerId(String provider, Env env, List<RuntimeException> problems) {
    try {
      return Connection.chooseProvider(provider, env);
    } catch (IllegalArgumentException e) {
      problems.add(e);
      return null;
    }
  }

  /**
   * The capabilities of the provider this run will use; null when --provider names none (reported
   * elsewhere).
   */
  ProviderCapabilities chosenCapabilities(Env env) {
    try {
      return Connection.factory(Connection.chooseProvider(provider, env)).capabilities();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The prompt: {@code --prompt TEXT}; {@code --prompt -} or {@code --prompt-file -} reads standard
   * input, {@code --prompt-file FILE} a file (UTF-8, one trailing line break dropped). Null, with
   * the problem noted, when none or both are given or the text cannot be read.
   */
  String promptText(Main parent, List<RuntimeException> problems) {
    if ((prompt == null) == (promptFile == null)) {
      problems.add(
          new IllegalArgumentException(
              prompt == null
                  ? "Give the prompt: --prompt TEXT, --prompt - (standard input) or --prompt-file"
                      + " FILE"
                  : "Give the prompt once: --prompt or --prompt-file, not both"));
      return null;
    }
    try {
      if ("-".equals(prompt) || (promptFile != null && promptFile.toString().equals("-"))) {
        return chomp(new String(parent.in.readAllBytes(), StandardCharsets.UTF_8));
      } else if (promptFile != null) {
        Path file = parent.cwd.resolve(promptFile).normalize();
        return chomp(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
      return prompt;
    } catch (java.io.IOException e) {
      problems.add(
          new IllegalArgumentException(
              "--prompt-file "
                  + promptFile
                  + " cannot be read ("
                  + (e instanceof java.nio.file.NoSuchFileException
                      ? "no such file"
                      : e.getMessage())
                  + ")",
              e));
      return null;
    }
  }

  private static String chomp(String text) {
    if (text.endsWith("\r\n")) return text.substring(0, text.length() - 2);
    if (text.endsWith("\n")) return text.substring(0, text.length() - 1);
    return text;
  }

  /**
   * Passes each setting that parses to its setter and notes each one that does not in {@code
   * problems}, so the provider's limits are still checked for the others.
   */
  void settings(
      Env env,
      List<RuntimeException> problems,
      Consumer<String> negativePromptSetter,
      Consumer<Integer> durationSetter,
      Consumer<Quality> qualitySetter,
      Consumer<Long> seedSetter,
      Consumer<Model> modelSetter) {
    if (negativePrompt != null) negativePromptSetter.accept(negativePrompt);
    if (duration != null) {
      Integer seconds = durationSeconds(duration);
      if (seconds == null) {
        problems.add(
            new IllegalArgumentException(
                "--duration must be a whole number of seconds above 0 (e.g. 5 or 5s), got '"
                    + duration.trim()
                    + "'"));
      } else {
        durationSetter.accept(seconds);
      }
    }
    if (quality != null) {
      try {
        qualitySetter.accept(Quality.parse(quality));
      } catch (IllegalArgumentException e) {
        problems.add(new IllegalArgumentException("--quality: " + e.getMessage(), e));
      }
    }
    if (seed != null) seedSetter.accept(seed);
    if (model != null) {
      ProviderCapabilities caps = chosenCapabilities(env);
      String m = model.trim();
      if (caps != null && m.equalsIgnoreCase(caps.model())) {
        // The model id the help shows as the default: the same as leaving --model out.
      } else if (caps != null && !m.toLowerCase(Locale.ROOT).matches("[v0-9].*")) {
        // Not a version such as v6 or 4.5 (Model.of would make "pixverse-x" into "vpixverse-x").
        problems.add(
            new IllegalArgumentException(
                "--model "
                    + m
                    + " is not a model of "
                    + caps.providerId()
                    + ": use "
                    + caps.model()
                    + (caps.models().isEmpty()
                        ? " (its only model) or leave out --model"
                        : " (the default) or "
                            + io.github.pixverse4j.api.internal.ListText.of(
                                caps.models().stream()
                                    .map(Model::name)
                                    .collect(Collectors.toList()),
                                "or"))));
      } else {
        try {
          modelSetter.accept(Model.of(m));
        } catch (IllegalArgumentException e) {
          problems.add(new IllegalArgumentException("--model: " + e.getMessage(), e));
        }
      }
    }
  }

  /**
   * {@code --duration} in whole seconds: {@code 5}, {@code 5s} or any duration the other options
   * take ({@code 1m}); null when it is none or not a whole number of seconds above 0.
   */
  static Integer durationSeconds(String text) {
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (RuntimeException notADuration) {
      return null;
    }
    if (d.isNegative() || d.isZero() || d.getNano() != 0 || d.getSeconds() > Integer.MAX_VALUE)
      return null;
    return (int) d.getSeconds();
  }

  /**
   * Notes that {@code --base-url} cannot be used for provider {@code id} when it is simulated: the
   * simulator runs in-process at its own address, so the URL would be silently ignored.
   */
  static void checkBaseUrl(
      String url, String id, Env env, boolean simulate, List<RuntimeException> problems) {
    if (url == null || id == null) return;
    VideoProviderFactory f = Connection.factory(id);
    boolean keySet = Connection.key(f, env).isPresent();
    if (simulate || !keySet) {
      problems.add(
          new IllegalArgumentException(
              "--base-url "
                  + url
                  + " cannot be used while "
                  + f.id()
                  + " is simulated ("
                  + (simulate
                      ? "--simulate was given"
                      : f.apiKeyEnvironmentVariable() + " is not set")
                  + "): "
                  + (simulate
                      ? "leave out --simulate or --base-url"
                      : "set " + f.apiKeyEnvironmentVariable() + " or leave out --base-url")));
    }
  }

  /**
   * Throws when anything is wrong, before anything is sent (exit 2): the one problem as it is, or
   * every problem and provider {@code violations} in one sentence. With no problem but violations,
   * {@code requireValid} throws the provider's own {@code InvalidRequestException}.
   */
  static void refuse(
      List<RuntimeException> problems, List<Violation> violations, Runnable requireValid) {
    if (problems.isEmpty() && !violations.isEmpty()) requireValid.run();
    if (problems.size() == 1 && violations.isEmpty()) throw problems.get(0);
    if (!problems.isEmpty()) {
      StringBuilder b = new StringBuilder("Invalid request (nothing was sent): ");
      List<String> all = new ArrayList<>();
      for (RuntimeException e : problems) all.add(e.getMessage());
      for (Violation v : violations) all.add(Messages.describe(v));
      for (int i = 0; i < all.size(); i++) {
        String m = all.get(i).trim();
        b.append(i == 0 ? "" : " ").append(m).append(m.endsWith(".") ? "" : ".");
      }
      throw new IllegalArgumentException(b.toString());
    }
  }
}
