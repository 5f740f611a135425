package io.github.pixverse4j.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An image file format, as a provider names the formats it accepts ({@link
 * ProviderCapabilities#imageFormats()}) and as {@link #sniff} tells them from a file's first bytes
 * (its signature, not its name).
 */
public enum ImageFormat {
  JPEG("JPEG", "image/jpeg", "jpg"),
  PNG("PNG", "image/png", "png"),
  WEBP("WebP", "image/webp", "webp"),
  GIF("GIF", "image/gif", "gif"),
  BMP("BMP", "image/bmp", "bmp"),
  HEIC("HEIC", "image/heic", "heic"),
  AVIF("AVIF", "image/avif", "avif");

  /** How many leading bytes {@link #sniff} needs at most. */
  public static final int SIGNATURE_BYTES = 12;

  private final String label;
  private final String mimeType;
  private final String extension;

  ImageFormat(String label, String mimeType, String extension) {
    this.label = label;
    this.mimeType = mimeType;
    this.extension = extension;
  }

  /** The name people know it by, such as {@code "WebP"}. */
  public String label() {
    return label;
  }

  /** Such as {@code "image/webp"}. */
  public String mimeType() {
    return mimeType;
  }

  /** The usual file extension without the dot, such as {@code "jpg"}. */
  public String extension() {
    return extension;
  }

  /**
   * The format whose signature the first {@code length} bytes of {@code head} start with ({@value
   * #SIGNATURE_BYTES} bytes are enough), or null when they start like none of these (too short to
   * tell, or not an image). HEIC and AVIF are told apart by the brand of their ISO-BMFF {@code
   * ftyp} box; another brand (an MP4 video) is no image.
   */
  public static ImageFormat sniff(byte[] head, int length) {
    if (head == null) throw new NullPointerException("head == null");
    byte[] h = head;
    int n = Math.min(length, head.length);
    if (n >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') return PNG;
    if (n >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF)
      return JPEG;
    if (n >= 6 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') return GIF;
    if (n >= 12 && ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) return WEBP;
    if (n >= 2 && h[0] == 'B' && h[1] == 'M') return BMP;
    if (n >= 12 && ascii(h, 4, "ftyp")) {
      String brand = new String(h, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
      if (brand.equals("avif") || brand.equals("avis")) return AVIF;
      switch (brand) {
        case "heic":
        case "heix":
        case "hevc":
        case "hevx":
        case "heim":
        case "heis":
        case "mif1":
        case "msf1":
          return HEIC;
        default:
          return null;
      }
    }
    return null;
  }

  /** The labels joined as a sentence: {@code "JPEG, PNG or WebP"}. */
  public static String describe(Collection<ImageFormat> formats) {
    List<String> labels = new ArrayList<>();
    for (ImageFormat f : values()) {
      if (formats.contains(f)) labels.add(f.label);
    }
    if (labels.isEmpty()) return "";
    if (labels.size() == 1) return labels.get(0);
    return String.join(", ", labels.subList(0, labels.size() - 1))
        + " or "
        + labels.get(labels.size() - 1);
  }

  private static boolean ascii(byte[] b, int i, String s) {
    for (int k = 0; k < s.length(); k++) {
      if (b[i + k] != s.charAt(k)) return false;
    }
    return true;
  }
}
