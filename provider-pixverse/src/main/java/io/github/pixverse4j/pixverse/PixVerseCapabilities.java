package io.github.pixverse4j.pixverse;

import io.github.pixverse4j.api.Constraint;
import io.github.pixverse4j.api.ImageFormat;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.api.internal.DurationText;
import io.github.pixverse4j.client.provider.ImageHeader;
import io.github.pixverse4j.pixverse.internal.PixVerseMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The limits of the PixVerse platform's image-to-video endpoint, from its API reference. */
final class PixVerseCapabilities {
  static final int MAX_PROMPT = 2048;
  static final int DEFAULT_DURATION_SECONDS = PixVerse.DEFAULT_DURATION_SECONDS;
  static final Quality DEFAULT_QUALITY = PixVerse.DEFAULT_QUALITY;

  /** Uploads must be smaller than 20 MB (read as MiB). */
  static final long IMAGE_BYTES_LIMIT = 20L * 1024 * 1024;

  static final long MAX_IMAGE_SIDE = 10_000;

  /** Videos for an extend: at most 50 MB (read as MiB), per the media upload page. */
  static final long VIDEO_BYTES_LIMIT = 50L * 1024 * 1024;

  static final Set<Model> KNOWN_MODELS =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(Arrays.asList(Model.V3_5, Model.V4, Model.V4_5)));
  static final Set<String> STYLES =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              Arrays.asList("anime", "3d_animation", "clay", "comic", "cyberpunk")));

  private PixVerseCapabilities() {}

  /** The capabilities when {@code defaultModel} is used for requests that name no model. */
  static ProviderCapabilities forModel(Model defaultModel) {
    Set<Model> models = new LinkedHashSet<>(KNOWN_MODELS);
    // Model names are open: a newer version configured on the builder is accepted as well.
    models.add(defaultModel);
    return ProviderCapabilities.builder()
        .providerId(PixVerseProvider.ID)
        .model(defaultModel.name())
        .maxPromptLength(MAX_PROMPT)
        .maxNegativePromptLength(MAX_PROMPT)
        .addDurationsSeconds(5, 8)
        .defaultDurationSeconds(DEFAULT_DURATION_SECONDS)
        .allQualities()
        .defaultQuality(DEFAULT_QUALITY)
        .addImageKinds(ImageInput.Kind.values())
        .addImageFormats(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP)
        .maxImageBytes(IMAGE_BYTES_LIMIT - 1)
        .supportsSeed(true)
        .styles(STYLES)
        .addMotionModes(MotionMode.NORMAL, MotionMode.FAST)
        .supportsTemplateId(true)
        .models(models)
        .supportsCancel(false)
        .supportsWebhooks(true)
        .addExtendSourceKinds(VideoSource.Kind.values())
        .maxExtendVideoBytes(VIDEO_BYTES_LIMIT)
        .addConstraints(
            Constraint.of(
                "8-second videos are not available at 1080p",
                fields("duration", "quality"),
                PixVerseCapabilities::eightSecondsAt1080p),
            Constraint.of(
                "motion mode fast allows only 5-second videos",
                fields("motionMode", "duration"),
                PixVerseCapabilities::fastOnlyFiveSeconds),
            Constraint.of(
                "motion mode fast is not available at 1080p",
                fields("motionMode", "quality"),
                PixVerseCapabilities::fastNotAt1080p),
            Constraint.of(
                "a template id is a number",
                fields("templateId"),
                PixVerseCapabilities::numericTemplateId),
            Constraint.of(
                "an uploaded image id (img_id) is a number",
                fields("providerImageId"),
                PixVerseCapabilities::numericImageId),
            Constraint.of(
                "a local or in-memory image is a JPEG, PNG or WebP smaller than 20 MB"
                    + " and at most 10000 pixels a side",
                fields("image"),
                PixVerseCapabilities::uploadableImage))
        .build();
  }

  private static java.util.Set<String> fields(String... names) {
    return new java.util.LinkedHashSet<>(java.util.Arrays.asList(names));
  }

  private static boolean is1080p(ImageToVideoRequest r) {
    return r.quality().orElse(DEFAULT_QUALITY) == Quality.P1080;
  }

  private static boolean isFast(ImageToVideoRequest r) {
    return r.motionMode().orElse(MotionMode.NORMAL) == MotionMode.FAST;
  }

  private static long seconds(ImageToVideoRequest r) {
    return r.durationSeconds().orElse((long) DEFAULT_DURATION_SECONDS);
  }

  private static Optional<Violation> eightSecondsAt1080p(ImageToVideoRequest r) {
    if (!is1080p(r) || seconds(r) != 8) return Optional.empty();
    return Optional.of(
        Violation.of(
            "duration",
            "5 seconds at 1080p",
            "8 s",
            "PixVerse cannot make 8-second videos at 1080p; choose 5 seconds or a lower quality."));
  }

  private static Optional<Violation> fastOnlyFiveSeconds(ImageToVideoRequest r) {
    if (!isFast(r) || seconds(r) == 5) return Optional.empty();
    return Optional.of(
        Violation.of(
            "motionMode",
            "fast only with 5 seconds",
            "fast",
            "Motion mode fast makes only 5-second videos on PixVerse, got "
                + DurationText.ofSeconds(seconds(r))
                + "; choose 5 seconds or motion mode normal."));
  }

  private static Optional<Violation> fastNotAt1080p(ImageToVideoRequest r) {
    if (!isFast(r) || !is1080p(r)) return Optional.empty();
    return Optional.of(
        Violation.of(
            "motionMode",
            "fast not at 1080p",
            "fast",
            "Motion mode fast is not available at 1080p on PixVerse; choose a lower quality or"
                + " motion mode normal."));
  }

  private static Optional<Violation> numericTemplateId(ImageToVideoRequest r) {
    if (!r.templateId().isPresent() || isId(r.templateId().get())) return Optional.empty();
    return Optional.of(
        Violation.of(
            "templateId",
            "a positive integer",
            shorten(r.templateId().get()),
            "A PixVerse template id is a number such as 302325299692608, as listed in the effects"
                + " management page."));
  }

  private static Optional<Violation> numericImageId(ImageToVideoRequest r) {
    ImageInput image = r.image();
    if (image.kind() != ImageInput.Kind.PROVIDER_IMAGE_ID || isId(image.providerImageId())) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.of(
            "image",
            "a numeric img_id",
            shorten(image.providerImageId()),
            "A PixVerse image id is the number (img_id) returned by an earlier image upload."));
  }

  private static Optional<Violation> uploadableImage(ImageToVideoRequest r) {
    ImageInput image = r.image();
    ImageHeader header;
    String what;
    try {
      if (image.kind() == ImageInput.Kind.FILE) {
        Path file = image.file();
        what = "The image file " + file.getFileName();
        if (!Files.isRegularFile(file)) {
          return violation(
              "a readable image file", what + " does not exist or is not a regular file.");
        }
        long size = Files.size(file);
        if (size >= IMAGE_BYTES_LIMIT) {
          return Optional.of(
              Violation.of(
                  "image",
                  "smaller than 20 MB",
                  size + " bytes",
                  what
                      + " has "
                      + size
                      + " bytes; PixVerse accepts images smaller than 20 MB ("
                      + IMAGE_BYTES_LIMIT
                      + " bytes)."));
        }
        header = ImageHeader.read(file);
      } else if (image.kind() == ImageInput.Kind.BYTES) {
        what = "The image bytes";
        header = ImageHeader.read(image.bytes());
      } else {
        return Optional.empty();
      }
    } catch (NoSuchFileException e) {
      return violation(
          "a readable image file",
          "The image file " + image.file().getFileName() + " does not exist.");
    } catch (IOException e) {
      return violation(
          "a readable image file",
          "The image file "
              + image.file().getFileName()
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "); check the path and permissions.");
    } catch (ImageHeader.UnsupportedImageException e) {
      return violation(
          "JPEG, PNG or WebP",
          (image.kind() == ImageInput.Kind.FILE
                  ? "The image file " + image.file().getFileName()
                  : "The image bytes")
              + " cannot be uploaded: "
              + e.getMessage()
              + ". PixVerse accepts JPEG, PNG and WebP.");
    }
    if (header.width() > MAX_IMAGE_SIDE || header.height() > MAX_IMAGE_SIDE) {
      return Optional.of(
          Violation.of(
              "image",
              "at most 10000 pixels a side",
              header.width() + "x" + header.height(),
              what
                  + " is "
                  + header.width()
                  + "x"
                  + header.height()
                  + " pixels; PixVerse accepts at most 10000 pixels a side. Scale it down."));
    }
    return Optional.empty();
  }

  private static Optional<Violation> violation(String limit, String message) {
    return Optional.of(Violation.of("image", limit, null, message));
  }

  static boolean isId(String s) {
    return PixVerseMapping.isId(s);
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
