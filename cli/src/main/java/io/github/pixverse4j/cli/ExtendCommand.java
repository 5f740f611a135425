package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.price.PriceQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pixverse4j extend}: continues a video (a finished task, a local file or a URL) with a new
 * prompt, follows the task and saves the video, as {@code generate} does (docs/extend.md).
 */
@Command(
    name = "extend",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.VIDEO_SAVED,
      ExitCodes.OTHER_TEXT,
      ExitCodes.USAGE_TEXT,
      ExitCodes.AUTH_TEXT,
      ExitCodes.CREDITS_TEXT,
      ExitCodes.TASK_FAILED_TEXT,
      ExitCodes.TIMEOUT_TEXT,
      ExitCodes.CANCELLED_TEXT,
      ExitCodes.INTERRUPTED_TEXT
    },
    description = "Continue a video with a prompt, show progress, download the longer video.")
final class ExtendCommand implements Callable<Integer> {
  /** The start of every task token ({@code pv4j.1.<provider>.<model>.<task id>}). */
  private static final String TOKEN_START = "pv4j.";

  @ParentCommand Main parent;
  @Mixin Options.Print print;
  @Mixin Options.BaseUrl baseUrl;
  @Mixin Options.Simulate simulate;
  @Mixin Options.Follow follow;
  @Mixin Options.Save save;
  @Mixin Options.NoDownload noDownload;
  @Mixin VideoOptions video;
  @Mixin PriceOptions prices;

  @Option(
      names = "--video",
      required = true,
      paramLabel = "TOKEN|FILE|URL",
      description =
          "The video to continue: the token of a finished task of the provider (printed by"
              + " generate, listed by `pixverse4j tasks`), a local MP4, QuickTime or WebM file"
              + " (uploaded), or a public http(s) URL.")
  String source;

  @Override
  public Integer call() throws Exception {
    Output out = parent.output(print, follow.policy(false).deadline());
    Path target = parent.resolveOutput(save.output);
    // As generate: every problem is listed at once, before any simulator starts or anything is
    // sent.
    List<RuntimeException> problems = new ArrayList<>();
    String url =
        VideoOptions.checkOutputAndBaseUrl(parent, target, save, noDownload, baseUrl, problems);
    String promptText = video.promptText(parent, problems);
    VideoSource videoSource = videoSource(problems);
    // A task is extended where it ran: without --provider, the token's provider is the one used.
    String requested =
        video.provider == null && videoSource != null && videoSource.kind() == VideoSource.Kind.TASK
            ? videoSource.task().providerId()
            : video.provider;
    String id = VideoOptions.providerId(requested, parent.env, problems);
    VideoOptions.checkBaseUrl(url, id, parent.env, simulate.simulate, problems);
    io.github.pixverse4j.client.price.PriceSettings priceSettings =
        prices.settings(parent, problems);
    ExtendVideoRequest.Builder b =
        ExtendVideoRequest.builder().prompt(promptText == null ? "" : promptText);
    video.settings(
        parent.env, problems, b::negativePrompt, b::durationSeconds, b::quality, b::seed, b::model);
    ExtendVideoRequest request = null;
    List<Violation> violations = List.of();
    if (id != null) {
      VideoProviderFactory f = Connection.factory(id);
      ProviderCapabilities caps = f.capabilities();
      if (!caps.supportsExtend()) {
        problems.add(
            new IllegalArgumentException(
                id + " cannot extend videos; " + extenders() + " can" + " (nothing was sent)"));
      } else if (videoSource != null
          && videoSource.kind() == VideoSource.Kind.TASK
          && Connection.simulates(f, parent.env, simulate.simulate)
          && videoSource.task().providerId().equals(id)) {
        // A fresh simulator knows no task: sending would only fail as "source video not found".
        problems.add(
            new IllegalArgumentException(
                "A task token cannot be extended while "
                    + id
                    + " is simulated ("
                    + (simulate.simulate
                        ? "--simulate was given"
                        : f.apiKeyEnvironmentVariable() + " is not set")
                    + "): a simulated task ended with the command that created it; give the video's"
                    + " file or URL instead"));
      } else if (videoSource != null && promptText != null) {
        try {
          request = b.source(videoSource).build();
          violations = caps.validate(request);
        } catch (IllegalArgumentException | IllegalStateException e) {
          problems.add(new IllegalArgumentException(e.getMessage(), e));
        }
      }
    }
    ExtendVideoRequest checked = request;
    VideoOptions.refuse(
        problems, violations, () -> Connection.factory(id).capabilities().requireValid(checked));
    return VideoOptions.submitAndFollow(
        parent,
        out,
        id,
        url,
        simulate,
        follow,
        print,
        save,
        noDownload,
        target,
        (c, labels, listener) -> {
          out.say(
              "%s",
              PriceOptions.estimateLine(
                  c.factory,
                  PriceQuery.of(checked, c.factory.capabilities()),
                  priceSettings,
                  c.factory.estimate(checked, priceSettings),
                  c.simulated()));
          out.waiting("Submitting the extend to " + c.factory.id());
          return c.client.extend(checked, labels, listener);
        });
  }

  /** The ids of the providers that extend videos, as a sentence's list. */
  private static String extenders() {
    List<String> ids =
        Connection.factories().stream()
            .filter(f -> f.capabilities().supportsExtend())
            .map(VideoProviderFactory::id)
            .collect(Collectors.toList());
    return ids.isEmpty()
        ? "no provider on the class path"
        : io.github.pixverse4j.api.internal.ListText.of(ids, "and");
  }

  /**
   * The video {@code --video} names: an http(s) URL; a task token (text starting {@code pv4j.} that
   * is not an existing file); else a local file, relative to the working directory (checked by the
   * provider's capabilities before sending). Null, with the problem noted, when unusable.
   */
  private VideoSource videoSource(List<RuntimeException> problems) {
    String text = source.trim();
    String lower = text.toLowerCase(Locale.ROOT);
    try {
      if (lower.startsWith("http://") || lower.startsWith("https://")) return VideoSource.url(text);
    } catch (IllegalArgumentException e) {
      problems.add(new IllegalArgumentException("--video: " + e.getMessage(), e));
      return null;
    }
    if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
      problems.add(
          new IllegalArgumentException(
              "--video "
                  + text
                  + ": "
                  + text.substring(0, text.indexOf(':'))
                  + " URLs are not accepted; give a task token, an http(s) URL or the path of a"
                  + " local video file"));
      return null;
    }
    Path file = parent.cwd.resolve(text).normalize();
    if (text.startsWith(TOKEN_START) && !Files.exists(file)) {
      try {
        return VideoSource.task(TaskHandle.parse(text));
      } catch (IllegalArgumentException e) {
        problems.add(
            new IllegalArgumentException(
                "--video "
                    + text
                    + " is no file here, and "
                    + Character.toLowerCase(e.getMessage().charAt(0))
                    + e.getMessage().substring(1),
                e));
        return null;
      }
    }
    return VideoSource.file(file);
  }
}
