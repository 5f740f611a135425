package io.github.pixverse4j.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a video from other bytes by its first bytes: ISO base media ({@code ftyp}: MP4, or
 * QuickTime with brand {@code qt }) or WebM (EBML). Shared by {@code ProviderCapabilities}'s extend
 * validation and the providers' uploads. Not API: public only for those modules.
 */
public final class VideoSniffer {
  static final int HEADER_BYTES = 12;

  private VideoSniffer() {}

  /**
   * The MIME type, {@code video/mp4}, {@code video/quicktime} or {@code video/webm}, of the first
   * {@code length} bytes of {@code head}; {@code null} when they are none of these.
   */
  public static String mimeType(byte[] head, int length) {
    if (length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
      boolean qt =
          length >= 12 && head[8] == 'q' && head[9] == 't' && head[10] == ' ' && head[11] == ' ';
      return qt ? "video/quicktime" : "video/mp4";
    }
    if (length >= 4
        && (head[0] & 0xff) == 0x1a
        && (head[1] & 0xff) == 0x45
        && (head[2] & 0xff) == 0xdf
        && (head[3] & 0xff) == 0xa3) {
      return "video/webm";
    }
    return null;
  }

  /** {@link #mimeType(byte[], int)} of a file's first bytes. */
  public static String mimeType(Path file) throws IOException {
    byte[] head = new byte[HEADER_BYTES];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (n < head.length) {
        int r = in.read(head, n, head.length - n);
        if (r < 0) break;
        n += r;
      }
    }
    return mimeType(head, n);
  }
}
