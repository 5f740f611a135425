package io.github.pixverse4j.cli;

import io.github.pixverse4j.client.DownloadTargets;
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
    if (!looksLikeImage(head, n)) {
      throw new IllegalArgumentException("The file " + file + " is not an image (expected PNG, JPEG, WebP, GIF,"
          + " BMP, HEIC or AVIF; nothing was sent).");
    }
  }

  /** Recognises the signatures of the image formats the providers take. */
  static boolean looksLikeImage(byte[] h, int n) {
    if (n >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') return true;
    if (n >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF) return true;
    if (n >= 6 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') return true;
    if (n >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F'
        && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
      return true;
    }
    if (n >= 2 && h[0] == 'B' && h[1] == 'M') return true;
    return n >= 12 && h[4] == 'f' && h[5] == 't' && h[6] == 'y' && h[7] == 'p';
  }
}
