package io.github.pixverse4j.api;

import io.github.pixverse4j.api.internal.DurationText;
import io.github.pixverse4j.api.internal.ListText;
import io.github.pixverse4j.api.internal.VideoSniffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * What one provider and model accept. {@link #validate} lists every way a request breaks these
 * limits; the client calls it before sending anything, so an invalid request costs no credits.
 */
@Value.Immutable
public abstract class ProviderCapabilities {
  /** Largest seed any PixVerse endpoint accepts. */
  public static final long MAX_SEED = 2147483647L;

  ProviderCapabilities() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Such as {@code "gmi"}. */
  public abstract String providerId();

  /** The provider's name for the model, such as {@code "pixverse-v6-i2v"}. */
  public abstract String model();

  /** The longest prompt in characters. */
  public abstract int maxPromptLength();

  /** Whether the prompt may be empty. */
  @Value.Default
  public boolean allowsEmptyPrompt() {
    return false;
  }

  /** The longest negative prompt; empty when negative prompts are not supported. */
  public abstract Optional<Integer> maxNegativePromptLength();

  /** The durations accepted, in seconds; empty when the duration cannot be chosen. */
  @Value.NaturalOrder
  public abstract SortedSet<Integer> durationsSeconds();

  public abstract Optional<Integer> defaultDurationSeconds();

  public abstract Set<Quality> qualities();

  public abstract Optional<Quality> defaultQuality();

  /** How the image may be given. */
  public abstract Set<ImageInput.Kind> imageKinds();

  /**
   * The image formats the provider accepts, from its documentation (for a file it uploads and for
   * the file behind an image URL alike); empty when its documentation names none, and then any
   * image is passed on for the provider to judge. {@link #validate} does not read images: the
   * command line checks a local file's signature against this set before anything is sent.
   */
  public abstract Set<ImageFormat> imageFormats();

  /** Largest image accepted for upload, in bytes. */
  public abstract Optional<Long> maxImageBytes();

  @Value.Default
  public boolean supportsSeed() {
    return false;
  }

  @Value.Default
  public boolean supportsAudio() {
    return false;
  }

  @Value.Default
  public boolean supportsMultiClip() {
    return false;
  }

  /** Whether {@code cfgScale} (0 to 1) is accepted. */
  @Value.Default
  public boolean supportsCfgScale() {
    return false;
  }

  @Value.Default
  public boolean supportsThinkingType() {
    return false;
  }

  /** Style presets accepted; empty when styles are not supported. */
  public abstract Set<String> styles();

  /** Motion modes accepted; empty when the motion mode cannot be chosen. */
  public abstract Set<MotionMode> motionModes();

  @Value.Default
  public boolean supportsFastMode() {
    return false;
  }

  @Value.Default
  public boolean supportsTemplateId() {
    return false;
  }

  /** Model versions a request may choose; empty when the model is fixed by the endpoint. */
  public abstract Set<Model> models();

  /** Whether a running task can be cancelled. */
  @Value.Default
  public boolean supportsCancel() {
    return false;
  }

  /**
   * Whether the provider can call back (a webhook) when a task ends, so that a client configured
   * for it learns of the end at once and polls only as a safety net; see {@code docs/webhooks.md}.
   */
  @Value.Default
  public boolean supportsWebhooks() {
    return false;
  }

  /**
   * How the video of an {@linkplain ExtendVideoRequest extend} may be given; empty (the default)
   * when the provider does not extend videos.
   */
  public abstract Set<VideoSource.Kind> extendSourceKinds();

  /** Largest video accepted for an extend's upload, in bytes (PixVerse: 50 MB). */
  public abstract Optional<Long> maxExtendVideoBytes();

  /** Whether the provider extends videos ({@link #extendSourceKinds()} is not empty). */
  public final boolean supportsExtend() {
    return !extendSourceKinds().isEmpty();
  }

  /** Rules spanning several fields. */
  public abstract List<Constraint> constraints();

  /** Every way {@code request} breaks these limits; empty when it is valid. */
  public final List<Violation> validate(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    List<Violation> v = new ArrayList<>();
    String where = " for " + providerId() + " (" + model() + ")";

    String prompt = request.prompt();
    if (!allowsEmptyPrompt() && prompt.trim().isEmpty()) {
      v.add(
          Violation.of(
              "prompt",
              "not blank",
              "",
              "The prompt is empty; describe what should happen in the video."));
    }
    if (prompt.codePointCount(0, prompt.length()) > maxPromptLength()) {
      v.add(tooLong("prompt", prompt, maxPromptLength(), where));
    }

    if (request.negativePrompt().isPresent()) {
      String neg = request.negativePrompt().get();
      if (!maxNegativePromptLength().isPresent()) {
        v.add(unsupported("negativePrompt", abbreviate(neg), where));
      } else if (neg.codePointCount(0, neg.length()) > maxNegativePromptLength().get()) {
        v.add(tooLong("negativePrompt", neg, maxNegativePromptLength().get(), where));
      }
    }

    if (request.duration().isPresent()) {
      java.time.Duration d = request.duration().get();
      String given = DurationText.of(d);
      if (durationsSeconds().isEmpty()) {
        v.add(
            Violation.of(
                "duration",
                "not supported",
                given,
                "This endpoint has no duration setting" + where + "; leave duration unset."));
      } else if (d.getNano() != 0) {
        v.add(
            Violation.of(
                "duration",
                "whole seconds",
                given,
                "The duration must be a whole number of seconds" + where + ", got " + given + "."));
      } else if (!durationsSeconds().contains(safeInt(d.getSeconds()))) {
        v.add(
            Violation.of(
                "duration",
                describeDurations(),
                given,
                "The duration must be " + describeDurations() + where + ", got " + given + "."));
      }
    }

    if (request.quality().isPresent() && !qualities().contains(request.quality().get())) {
      v.add(
          Violation.of(
              "quality",
              ListText.oneOf(qualities()),
              request.quality().get().label(),
              "Quality "
                  + request.quality().get().label()
                  + " is not available"
                  + where
                  + "; use "
                  + ListText.oneOf(qualities())
                  + "."));
    }

    if (!imageKinds().contains(request.image().kind())) {
      v.add(
          Violation.of(
              "image",
              ListText.oneOf(imageKinds()),
              request.image().kind().name(),
              imageKindMessage(request.image().kind())
                  + where
                  + "; accepted: "
                  + ListText.of(imageKinds(), "or")
                  + "."));
    }
    if (maxImageBytes().isPresent() && request.image().kind() == ImageInput.Kind.BYTES) {
      int size = request.image().bytes().length;
      if (size > maxImageBytes().get()) {
        v.add(
            Violation.of(
                "image",
                "at most " + maxImageBytes().get() + " bytes",
                size + " bytes",
                "The image is "
                    + size
                    + " bytes; the limit"
                    + where
                    + " is "
                    + maxImageBytes().get()
                    + " bytes."));
      }
    }

    if (request.seed().isPresent()) {
      long seed = request.seed().get();
      if (!supportsSeed()) {
        v.add(unsupported("seed", Long.toString(seed), where));
      } else if (seed < 0 || seed > MAX_SEED) {
        v.add(
            Violation.of(
                "seed",
                "0.." + MAX_SEED,
                Long.toString(seed),
                "The seed must be between 0 and " + MAX_SEED + ", got " + seed + "."));
      }
    }
    if (request.audio().orElse(false) && !supportsAudio()) {
      v.add(unsupported("audio", "true", where));
    }
    if (request.multiClip().orElse(false) && !supportsMultiClip()) {
      v.add(unsupported("multiClip", "true", where));
    }
    if (request.cfgScale().isPresent()) {
      double c = request.cfgScale().get();
      if (!supportsCfgScale()) {
        v.add(unsupported("cfgScale", Double.toString(c), where));
      } else if (!(c >= 0 && c <= 1)) {
        v.add(
            Violation.of(
                "cfgScale",
                "0..1",
                Double.toString(c),
                "cfgScale must be between 0 and 1, got " + c + "."));
      }
    }
    if (request.thinkingType().isPresent() && !supportsThinkingType()) {
      v.add(unsupported("thinkingType", request.thinkingType().get(), where));
    }
    if (request.style().isPresent()) {
      String style = request.style().get();
      if (styles().isEmpty()) {
        v.add(unsupported("style", style, where));
      } else if (!styles().contains(style)) {
        v.add(
            Violation.of(
                "style",
                ListText.oneOf(styles()),
                style,
                "Style '"
                    + abbreviate(style)
                    + "' is not available"
                    + where
                    + "; use "
                    + ListText.oneOf(styles())
                    + "."));
      }
    }
    if (request.motionMode().isPresent() && !motionModes().contains(request.motionMode().get())) {
      v.add(
          motionModes().isEmpty()
              ? unsupported("motionMode", request.motionMode().get().wireName(), where)
              : Violation.of(
                  "motionMode",
                  ListText.oneOf(wireNames(motionModes())),
                  request.motionMode().get().wireName(),
                  "Motion mode "
                      + request.motionMode().get().wireName()
                      + " is not available"
                      + where
                      + "."));
    }
    if (request.fastMode().orElse(false) && !supportsFastMode()) {
      v.add(unsupported("fastMode", "true", where));
    }
    if (request.templateId().isPresent() && !supportsTemplateId()) {
      v.add(unsupported("templateId", request.templateId().get(), where));
    }
    if (request.model().isPresent()) {
      Model m = request.model().get();
      if (models().isEmpty()) {
        v.add(
            Violation.of(
                "model",
                "fixed by the endpoint",
                m.name(),
                "This endpoint runs one model ("
                    + model()
                    + "); leave model unset or choose another provider."));
      } else if (!models().contains(m)) {
        v.add(
            Violation.of(
                "model",
                ListText.oneOf(models()),
                m.name(),
                "Model "
                    + m.name()
                    + " is not available"
                    + where
                    + "; use "
                    + ListText.oneOf(models())
                    + "."));
      }
    }
    for (Constraint c : constraints()) {
      c.check(request).ifPresent(v::add);
    }
    return v;
  }

  /**
   * Throws {@link InvalidRequestException} listing every violation, when there is one.
   *
   * @return {@code request}
   */
  public final ImageToVideoRequest requireValid(ImageToVideoRequest request) {
    List<Violation> violations = validate(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations, ErrorDetails.provider(providerId()));
    }
    return request;
  }

  /**
   * Every way {@code request} breaks these limits; empty when it is valid. The settings are checked
   * by the same rules (and {@link #constraints()}) as an image-to-video request's; the source must
   * be of an accepted {@linkplain #extendSourceKinds() kind}, a task of this provider, and a file
   * or bytes must be a video (MP4/QuickTime {@code ftyp} or WebM, by the bytes, not the name)
   * within {@link #maxExtendVideoBytes()}. Reads the first bytes and the size of a local file.
   */
  public final List<Violation> validate(ExtendVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    String where = " for " + providerId() + " (" + model() + ")";
    List<Violation> v = new ArrayList<>();
    if (!supportsExtend()) {
      v.add(
          Violation.of(
              "source",
              "extend supported",
              request.source().kind().name(),
              providerId()
                  + " does not extend videos ("
                  + model()
                  + "); use a provider that does."));
    }
    for (Violation s : validate(request.settingsView())) {
      if (!s.field().equals("image")) v.add(s);
    }
    VideoSource source = request.source();
    if (supportsExtend() && !extendSourceKinds().contains(source.kind())) {
      v.add(
          Violation.of(
              "source",
              ListText.oneOf(extendSourceKinds()),
              source.kind().name(),
              "A video source of kind "
                  + source.kind()
                  + " is not accepted"
                  + where
                  + "; accepted: "
                  + ListText.of(extendSourceKinds(), "or")
                  + "."));
    }
    switch (source.kind()) {
      case TASK:
        if (!source.task().providerId().equals(providerId())) {
          v.add(
              Violation.of(
                  "source",
                  "a task of " + providerId(),
                  source.task().providerId(),
                  "The source task belongs to provider '"
                      + source.task().providerId()
                      + "'; "
                      + providerId()
                      + " can only extend its own videos. Give the video's URL or file instead."));
        }
        break;
      case FILE:
        checkVideoFile(source.file(), v);
        break;
      case BYTES:
        byte[] head = source.bytes();
        if (VideoSniffer.mimeType(head, head.length) == null) {
          v.add(
              Violation.of(
                  "source",
                  "MP4, QuickTime or WebM",
                  source.byteCount() + " bytes",
                  "The video bytes are not an MP4, QuickTime or WebM video (checked by their first"
                      + " bytes)."));
        }
        checkVideoSize(source.byteCount(), "The video bytes", v);
        break;
      default:
        break;
    }
    return v;
  }

  private void checkVideoFile(java.nio.file.Path file, List<Violation> v) {
    String what = "The video file " + file.getFileName();
    if (!java.nio.file.Files.isRegularFile(file)) {
      v.add(
          Violation.of(
              "source",
              "a readable video file",
              null,
              what + " does not exist or is not a regular file."));
      return;
    }
    try {
      if (VideoSniffer.mimeType(file) == null) {
        v.add(
            Violation.of(
                "source",
                "MP4, QuickTime or WebM",
                null,
                what
                    + " is not an MP4, QuickTime or WebM video (checked by its first bytes, not its"
                    + " name)."));
      }
      checkVideoSize(java.nio.file.Files.size(file), what, v);
    } catch (java.io.IOException e) {
      v.add(
          Violation.of(
              "source",
              "a readable video file",
              null,
              what
                  + " cannot be read ("
                  + e.getClass().getSimpleName()
                  + "); check the path and permissions."));
    }
  }

  private void checkVideoSize(long size, String what, List<Violation> v) {
    if (maxExtendVideoBytes().isPresent() && size > maxExtendVideoBytes().get()) {
      v.add(
          Violation.of(
              "source",
              "at most " + maxExtendVideoBytes().get() + " bytes",
              size + " bytes",
              what
                  + " has "
                  + size
                  + " bytes; the limit for "
                  + providerId()
                  + " is "
                  + maxExtendVideoBytes().get()
                  + " bytes."));
    }
  }

  /**
   * Throws {@link InvalidRequestException} listing every violation of {@link
   * #validate(ExtendVideoRequest)}, when there is one.
   *
   * @return {@code request}
   */
  public final ExtendVideoRequest requireValid(ExtendVideoRequest request) {
    List<Violation> violations = validate(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations, ErrorDetails.provider(providerId()));
    }
    return request;
  }

  /**
   * The accepted durations in words, such as {@code "1 to 15 seconds"} or {@code "5 or 8 seconds"}.
   */
  public final String describeDurations() {
    SortedSet<Integer> d = durationsSeconds();
    if (d.isEmpty()) return "not selectable";
    int first = d.first();
    int last = d.last();
    if (d.size() > 2 && last - first + 1 == d.size()) return first + " to " + last + " seconds";
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (int s : d) {
      if (i > 0) b.append(i == d.size() - 1 ? " or " : ", ");
      b.append(s);
      i++;
    }
    return b.append(" seconds").toString();
  }

  private static int safeInt(long v) {
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  private static Violation tooLong(String field, String text, int max, String where) {
    int n = text.codePointCount(0, text.length());
    return Violation.of(
        field,
        "at most " + max + " characters",
        abbreviate(text),
        "The " + field + " has " + n + " characters; the limit" + where + " is " + max + ".");
  }

  private static Violation unsupported(String field, String given, String where) {
    return Violation.of(
        field, "not supported", given, field + " is not supported" + where + "; leave it unset.");
  }

  private static String imageKindMessage(ImageInput.Kind kind) {
    switch (kind) {
      case FILE:
        return "A local image file cannot be sent; give a public http(s) image URL instead";
      case BYTES:
        return "In-memory image bytes cannot be sent; give a public http(s) image URL instead";
      case PROVIDER_IMAGE_ID:
        return "A provider image id is not accepted";
      default:
        return "An image URL is not accepted";
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /** Builds {@link ProviderCapabilities}. */
  public static final class Builder extends ImmutableProviderCapabilities.Builder {
    Builder() {}

    /** Accepts every whole number of seconds from {@code min} to {@code max}. */
    public Builder durationRange(int min, int max) {
      if (min < 1 || max < min)
        throw new IllegalArgumentException("bad duration range " + min + ".." + max);
      for (int s = min; s <= max; s++) addDurationsSeconds(s);
      return this;
    }

    /** Accepts every {@link Quality}. */
    public Builder allQualities() {
      addQualities(Quality.values());
      return this;
    }
  }

  private static List<String> wireNames(Set<MotionMode> modes) {
    List<String> names = new ArrayList<>();
    for (MotionMode m : modes) names.add(m.wireName());
    return names;
  }
}
