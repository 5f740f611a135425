package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.ImageFormat;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.DownloadTargets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * The local checks made before anything is sent, so that a paid job never fails afterwards for a
 * local reason: where the video goes, the image file, the task journal. Each failure is an {@link
 * IllegalArgumentException} (exit code 2) whose message names the path and the problem.
 */
final class Preflight {
  private Preflight() {}

  /** The video can be saved at {@code target} (a file, or an existing directory to save inside). */
  static void outputTarget(Path target, boolean force) {
    DownloadTargets.check(target, force);
  }

  /**
   * The image file exists, is readable, and starts like an image of a format {@code caps}'s
   * provider accepts ({@link ProviderCapabilities#imageFormats()}; any {@link ImageFormat} when it
   * names none, or when {@code caps} is null because the provider is not known yet).
   */
  static void imageFile(Path file, ProviderCapabilities caps) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "Image file not found: " + file + " (give a file or an http(s) URL)");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "The image " + file + " is not a regular file (nothing was sent).");
    }
    byte[] head = new byte[ImageFormat.SIGNATURE_BYTES];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(
          "The image file " + file + " is not readable: permission denied" + " (nothing was sent).",
          e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "The image file " + file + " cannot be read: " + e.getMessage() + " (nothing was sent).",
          e);
    }
    boolean stated = caps != null && !caps.imageFormats().isEmpty();
    Set<ImageFormat> accepted = stated ? caps.imageFormats() : EnumSet.allOf(ImageFormat.class);
    String expected = ImageFormat.describe(accepted) + (stated ? " for " + caps.providerId() : "");
    ImageFormat format = ImageFormat.sniff(head, n);
    if (format == null) {
      throw new IllegalArgumentException(
          "The file " + file + " is not an image (expected " + expected + "; nothing was sent).");
    }
    if (!accepted.contains(format)) {
      throw new IllegalArgumentException(
          "The image "
              + file
              + " is a "
              + format.label()
              + "; "
              + caps.providerId()
              + " accepts "
              + ImageFormat.describe(accepted)
              + " (nothing was sent): convert it first.");
    }
  }
}
