package io.github.pixverse4j.cli;

import io.github.pixverse4j.client.DownloadTargets;
import io.github.pixverse4j.client.provider.ImageHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local checks made before anything is sent, so that a paid job never fails afterwards for a
 * local reason: where the video goes, the image file, the task journal. Each failure is an
 * {@link IllegalArgumentException} (exit code 2) whose message names the path and the problem.
 */
final class Preflight {
  private Preflight() {}

  /** The video can be saved at {@code target} (a file, or an existing directory to save inside). */
  static void outputTarget(Path target, boolean force) {
    DownloadTargets.check(target, force);
  }

  /** The image file exists, is readable, and starts like an image. */
  static void imageFile(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("Image file not found: " + file + " (give a file or an http(s) URL)");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("The image " + file + " is not a regular file (nothing was sent).");
    }
    byte[] head = new byte[16];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.read(head);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException("The image file " + file + " is not readable: permission denied"
          + " (nothing was sent).", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("The image file " + file + " cannot be read: " + e.getMessage()
          + " (nothing was sent).", e);
    }
    if (!ImageHeader.looksLikeImage(head, n)) {
      throw new IllegalArgumentException("The file " + file + " is not an image (expected PNG, JPEG, WebP, GIF,"
          + " BMP, HEIC or AVIF; nothing was sent).");
    }
  }
}
