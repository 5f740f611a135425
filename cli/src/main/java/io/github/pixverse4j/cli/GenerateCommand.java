package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.client.price.PriceQuery;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pixverse4j generate}: submits an image and a prompt, follows the task, saves the video.
 */
@Command(
    name = "generate",
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
    description = "Submit an image and a prompt, show progress, download the video.")
final class GenerateCommand implements Callable<Integer> {
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
      names = "--image",
      required = true,
      paramLabel = "URL|FILE",
      descriptionKey = HelpText.IMAGE,
      description =
          "The first frame: a public http(s) URL, or a local file where the provider accepts"
              + " uploads (a path, relative to the current directory, or a file: URI such as%n"
              + "  file:///home/me/cat.png).")
  String image;

  @Option(names = "--audio", descriptionKey = HelpText.AUDIO, description = "Generate sound too.")
  boolean audio;

  @Option(
      names = "--multi-clip",
      descriptionKey = HelpText.MULTI_CLIP,
      description = "Allow camera changes and transitions.")
  boolean multiClip;

  @Override
  public Integer call() throws Exception {
    Output out = parent.output(print, follow.policy(false).deadline());
    Path target = parent.resolveOutput(save.output);
    // Every problem with the options and the request is listed at once, before the cost
    // estimate and before any simulator starts: fixing them one run at a time wasted runs.
    List<RuntimeException> problems = new ArrayList<>();
    String url =
        VideoOptions.checkOutputAndBaseUrl(parent, target, save, noDownload, baseUrl, problems);
    ImageToVideoRequest request = request(problems);
    String id = VideoOptions.providerId(video.provider, parent.env, problems);
    VideoOptions.checkBaseUrl(url, id, parent.env, simulate.simulate, problems);
    io.github.pixverse4j.client.price.PriceSettings priceSettings =
        prices.settings(parent, problems);
    // A local file for a simulated provider that takes image URLs only is checked as the URL it
    // becomes.
    boolean upload =
        id != null
            && request != null
            && Connection.simulates(Connection.factory(id), parent.env, simulate.simulate)
            && SimulatedUploads.needed(Connection.factory(id).capabilities(), request);
    ImageToVideoRequest checked = upload ? SimulatedUploads.standIn(request) : request;
    List<io.github.pixverse4j.api.Violation> violations =
        id == null || request == null
            ? List.of()
            : Connection.factory(id).capabilities().validate(checked);
    if (imageRefused) {
      violations =
          violations.stream()
              .filter(v -> !"image".equals(v.field()))
              .collect(java.util.stream.Collectors.toList());
    }
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
          ImageToVideoRequest sent =
              upload
                  ? SimulatedUploads.upload(c.simulator, c.factory.capabilities(), request, out)
                  : request;
          out.say(
              "%s",
              PriceOptions.estimateLine(
                  c.factory,
                  PriceQuery.of(sent, c.factory.capabilities()),
                  priceSettings,
                  c.factory.estimate(sent, priceSettings),
                  c.simulated()));
          out.waiting("Submitting the job to " + c.factory.id());
          return c.client.generate(sent, labels, listener);
        });
  }

  /**
   * The request these options describe, each problem (a prompt, image or setting that does not
   * parse) noted in {@code problems}; null when there is no image or prompt to build it around. The
   * one reading of generate's options: {@code batch} fills them from each JSON line.
   */
  ImageToVideoRequest request(List<RuntimeException> problems) {
    String promptText = video.promptText(parent, problems);
    ImageInput imageInput = image(problems);
    return request(promptText, imageInput, problems);
  }

  /**
   * The request from the options that parse; each option that does not is noted in {@code problems}
   * and left out, so the provider's limits are still checked for the others. Null when there is no
   * image or prompt to build a request around.
   */
  private ImageToVideoRequest request(
      String promptText, ImageInput imageInput, List<RuntimeException> problems) {
    ImageToVideoRequest.Builder b =
        ImageToVideoRequest.builder().prompt(promptText == null ? "" : promptText);
    if (imageInput != null) b.image(imageInput);
    video.settings(
        parent.env, problems, b::negativePrompt, b::durationSeconds, b::quality, b::seed, b::model);
    if (audio) b.audio(true);
    if (multiClip) b.multiClip(true);
    if (imageInput == null || promptText == null) return null;
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.add(new IllegalArgumentException(e.getMessage(), e));
      return null;
    }
  }

  /**
   * The image {@code --image} names: an http(s) URL; a {@code file:} URI (absolute: {@code
   * file:///home/me/cat.png}); or a path, relative to the working directory. A local file is
   * checked ({@link Preflight#imageFile}); each problem is noted in {@code problems}. Null only
   * when the text is no usable image reference at all.
   */
  /**
   * Whether the local check of the image file found a problem: the provider's own check of the same
   * file then says the same thing again (with another list of formats), so it is left out.
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
          text =
              text.substring(0, "file://".length())
                  + text.substring("file://".length()).replace(" ", "%20");
        }
        java.net.URI uri = new java.net.URI(text);
        String host = uri.getHost();
        if (uri.isOpaque() || (host != null && !host.equalsIgnoreCase("localhost"))) {
          throw new IllegalArgumentException(
              "a file: URI must name an absolute path on this machine");
        }
        file = Paths.get(new java.net.URI("file", null, uri.getPath(), null));
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        problems.add(
            new IllegalArgumentException(
                "--image "
                    + image.trim()
                    + " is not a usable file: URI ("
                    + (e instanceof java.net.URISyntaxException
                        ? "not a valid URI"
                        : e.getMessage())
                    + "): write file:///home/me/cat.png, or just the path"));
        return null;
      }
    } else if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
      String scheme = text.substring(0, text.indexOf(':'));
      problems.add(
          new IllegalArgumentException(
              "--image "
                  + text
                  + ": "
                  + scheme
                  + " URLs are not accepted; give an http(s) URL, a file: URI"
                  + " (file:///home/me/cat.png) or the path of a local file"));
      return null;
    } else {
      file = parent.cwd.resolve(text).normalize();
    }
    int before = problems.size();
    VideoOptions.note(
        problems, () -> Preflight.imageFile(file, video.chosenCapabilities(parent.env)));
    imageRefused = problems.size() > before;
    return ImageInput.file(file);
  }
}
