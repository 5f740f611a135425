package io.github.pixverse4j.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells a video from other bytes by its first bytes: ISO base media ({@code ftyp}) or WebM (EBML). */
final class VideoSniffer {
  static final int HEADER_BYTES = 12;

  private VideoSniffer() {}

  /** {@code "MP4/QuickTime"}, {@code "WebM"}, or {@code null} when {@code head} is neither. */
  static String format(byte[] head, int length) {
    if (length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
      return "MP4/QuickTime";
    }
    if (length >= 4 && (head[0] & 0xff) == 0x1a && (head[1] & 0xff) == 0x45
        && (head[2] & 0xff) == 0xdf && (head[3] & 0xff) == 0xa3) {
      return "WebM";
    }
    return null;
  }

  static String format(Path file) throws IOException {
    byte[] head = new byte[HEADER_BYTES];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (n < head.length) {
        int r = in.read(head, n, head.length - n);
        if (r < 0) break;
        n += r;
      }
    }
    return format(head, n);
  }
}
