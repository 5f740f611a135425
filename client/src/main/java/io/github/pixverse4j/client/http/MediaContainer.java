package io.github.pixverse4j.client.http;

import java.util.Locale;

/**
 * Recognises a video container by its first bytes, so that an error page served without a type (or
 * as {@code application/octet-stream}) is never saved as the video.
 *
 * <p>Known: ISO base media and QuickTime (MP4, MOV, M4V, 3GP: a box type at offset 4, {@code ftyp}
 * first in every file a current encoder writes; {@code moov}, {@code mdat}, {@code free}, {@code
 * skip}, {@code wide} and {@code pnot} begin older QuickTime files), Matroska/WebM (the EBML magic
 * {@code 1A 45 DF A3}), Ogg ({@code OggS}), AVI ({@code RIFF....AVI }), FLV, MPEG transport streams
 * (sync byte {@code 0x47} at 0 and 188) and MPEG program streams ({@code 00 00 01 BA}).
 */
final class MediaContainer {
  /** Bytes {@link #recognised} looks at (the second TS sync byte is at 188). */
  static final int SNIFF_BYTES = 189;

  private static final String[] MEDIA_TYPES_WITH_SIGNATURES = {
    "mp4",
    "quicktime",
    "x-m4v",
    "3gpp",
    "3gpp2",
    "webm",
    "x-matroska",
    "ogg",
    "x-msvideo",
    "avi",
    "x-flv",
    "mp2t",
    "mpeg"
  };
  private static final String[] ISO_BOXES = {
    "ftyp", "moov", "mdat", "free", "skip", "wide", "pnot"
  };

  private MediaContainer() {}

  /**
   * Whether {@code head} (the body's first bytes, maybe fewer than {@link #SNIFF_BYTES}) starts a
   * known container.
   */
  static boolean recognised(byte[] head) {
    int n = head.length;
    if (n >= 8) {
      String box = ascii(head, 4, 4);
      for (String b : ISO_BOXES) {
        if (b.equals(box)) return true;
      }
    }
    if (n >= 4
        && (head[0] & 0xff) == 0x1A
        && (head[1] & 0xff) == 0x45
        && (head[2] & 0xff) == 0xDF
        && (head[3] & 0xff) == 0xA3) {
      return true;
    }
    if (n >= 4 && ascii(head, 0, 4).equals("OggS")) return true;
    if (n >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("AVI "))
      return true;
    if (n >= 4 && ascii(head, 0, 3).equals("FLV") && head[3] == 1) return true;
    if (n >= 189 && head[0] == 0x47 && head[188] == 0x47) return true;
    return n >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 1 && (head[3] & 0xff) == 0xBA;
  }

  /**
   * Whether {@code mediaType} (such as {@code video/mp4; codecs=...}) names a video type this class
   * cannot check: then a body it does not recognise is trusted. Null, {@code
   * application/octet-stream}, any non-video type and the video types of the known containers are
   * not: their bodies must start like a known container.
   */
  static boolean uncheckableVideoType(String mediaType) {
    if (mediaType == null) return false;
    String t = mediaType.trim().toLowerCase(Locale.ROOT);
    int semicolon = t.indexOf(';');
    if (semicolon >= 0) t = t.substring(0, semicolon).trim();
    if (!t.startsWith("video/")) return false;
    String sub = t.substring("video/".length());
    for (String known : MEDIA_TYPES_WITH_SIGNATURES) {
      if (known.equals(sub)) return false;
    }
    return !sub.isEmpty();
  }

  /** The first bytes as printable ASCII for an error message (others as {@code .}), at most 16. */
  static String describe(byte[] head) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(16, head.length); i++) {
      int c = head[i] & 0xff;
      b.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
    }
    return b.toString();
  }

  private static String ascii(byte[] b, int from, int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) c[i] = (char) (b[from + i] & 0xff);
    return new String(c);
  }
}
