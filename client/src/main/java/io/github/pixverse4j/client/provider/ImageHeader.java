package io.github.pixverse4j.client.provider;

import io.github.pixverse4j.api.ImageFormat;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Image sniffing from the first bytes, the one place for it: {@link #looksLikeImage} tells an image
 * file from anything else (the CLI's pre-flight), {@link #read} gives the format and pixel size of
 * a JPEG, PNG or WebP image (what a provider that uploads images checks and declares). No image
 * decoder is used ({@code javax.imageio} does not exist on Android); only the few bytes of the
 * header are read.
 */
public final class ImageHeader {
  /** The formats whose size {@link #read} can tell (those PixVerse accepts for upload). */
  public enum Format {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private final String mimeType;
    private final String extension;

    Format(String mimeType, String extension) {
      this.mimeType = mimeType;
      this.extension = extension;
    }

    public String mimeType() {
      return mimeType;
    }

    public String extension() {
      return extension;
    }
  }

  /** The header is not one of a JPEG, PNG or WebP image, or it is damaged. */
  public static final class UnsupportedImageException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedImageException(String message) {
      super(message);
    }
  }

  private static final int MAX_JPEG_SEGMENTS = 1024;

  private final Format format;
  private final long width;
  private final long height;

  private ImageHeader(Format format, long width, long height) {
    this.format = format;
    this.width = width;
    this.height = height;
  }

  public Format format() {
    return format;
  }

  public long width() {
    return width;
  }

  public long height() {
    return height;
  }

  /** How many leading bytes {@link #looksLikeImage} needs at most. */
  public static final int SIGNATURE_BYTES = ImageFormat.SIGNATURE_BYTES;

  /**
   * Whether the first {@code length} bytes of {@code head} start like an image a provider may take:
   * one of {@link ImageFormat} (PNG, JPEG, GIF, WebP, BMP, HEIC or AVIF, told by {@link
   * ImageFormat#sniff}). A cheap check of the signature only; {@link #read} checks the header
   * itself.
   */
  public static boolean looksLikeImage(byte[] head, int length) {
    return ImageFormat.sniff(head, length) != null;
  }

  /** Reads the header of {@code image}. */
  public static ImageHeader read(byte[] image) throws UnsupportedImageException {
    if (image == null) throw new NullPointerException("image == null");
    try {
      return read(new ArraySource(image));
    } catch (IOException e) {
      throw new UnsupportedImageException("the image data ends inside its header");
    }
  }

  /**
   * Reads the header of the file at {@code file}.
   *
   * @throws IOException when the file cannot be read
   */
  public static ImageHeader read(Path file) throws IOException, UnsupportedImageException {
    if (file == null) throw new NullPointerException("file == null");
    try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
      try {
        return read(new ChannelSource(channel));
      } catch (EOFException e) {
        throw new UnsupportedImageException("the file ends inside its image header");
      }
    }
  }

  private static ImageHeader read(Source s) throws IOException, UnsupportedImageException {
    byte[] start = new byte[12];
    int n = s.readAtMost(0, start);
    if (n >= 8
        && u8(start, 0) == 0x89
        && start[1] == 'P'
        && start[2] == 'N'
        && start[3] == 'G'
        && u8(start, 4) == 0x0D
        && u8(start, 5) == 0x0A
        && u8(start, 6) == 0x1A
        && u8(start, 7) == 0x0A) {
      return png(s);
    }
    if (n >= 3 && u8(start, 0) == 0xFF && u8(start, 1) == 0xD8 && u8(start, 2) == 0xFF) {
      return jpeg(s);
    }
    if (n >= 12 && ascii(start, 0, "RIFF") && ascii(start, 8, "WEBP")) {
      return webp(s);
    }
    throw new UnsupportedImageException("it is not a JPEG, PNG or WebP image");
  }

  private static ImageHeader png(Source s) throws IOException, UnsupportedImageException {
    byte[] h = s.read(8, 16); // length, "IHDR", width, height
    if (!ascii(h, 4, "IHDR")) throw new UnsupportedImageException("the PNG has no IHDR header");
    return sized(Format.PNG, be32(h, 8), be32(h, 12));
  }

  private static ImageHeader jpeg(Source s) throws IOException, UnsupportedImageException {
    long pos = 2;
    for (int segments = 0; segments < MAX_JPEG_SEGMENTS; segments++) {
      byte[] m = s.read(pos, 2);
      if (u8(m, 0) != 0xFF) throw new UnsupportedImageException("the JPEG's segments are damaged");
      int marker = u8(m, 1);
      if (marker == 0xFF) { // fill byte before a marker
        pos++;
        continue;
      }
      if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
        pos += 2; // markers without a length
        continue;
      }
      if (marker == 0xD9 || marker == 0xDA) break; // end of image or start of scan: no frame header
      byte[] len = s.read(pos + 2, 2);
      int length = be16(len, 0);
      if (length < 2) throw new UnsupportedImageException("the JPEG's segments are damaged");
      boolean startOfFrame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (startOfFrame) {
        byte[] f = s.read(pos + 5, 4); // precision skipped; height, width
        return sized(Format.JPEG, be16(f, 2), be16(f, 0));
      }
      pos += 2 + length;
    }
    throw new UnsupportedImageException("the JPEG has no frame header");
  }

  private static ImageHeader webp(Source s) throws IOException, UnsupportedImageException {
    byte[] chunk = s.read(12, 4);
    if (ascii(chunk, 0, "VP8 ")) {
      byte[] f = s.read(20, 10);
      if (u8(f, 3) != 0x9D || u8(f, 4) != 0x01 || u8(f, 5) != 0x2A) {
        throw new UnsupportedImageException("the WebP (VP8) frame header is damaged");
      }
      return sized(Format.WEBP, le16(f, 6) & 0x3FFF, le16(f, 8) & 0x3FFF);
    }
    if (ascii(chunk, 0, "VP8L")) {
      byte[] f = s.read(20, 5);
      if (u8(f, 0) != 0x2F)
        throw new UnsupportedImageException("the WebP (VP8L) header is damaged");
      long bits = le32(f, 1);
      return sized(Format.WEBP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }
    if (ascii(chunk, 0, "VP8X")) {
      byte[] f = s.read(24, 6);
      return sized(Format.WEBP, le24(f, 0) + 1, le24(f, 3) + 1);
    }
    throw new UnsupportedImageException("the WebP has no VP8, VP8L or VP8X header");
  }

  private static ImageHeader sized(Format format, long width, long height)
      throws UnsupportedImageException {
    if (width <= 0 || height <= 0) {
      throw new UnsupportedImageException(
          "the " + format + " header gives a size of " + width + "x" + height);
    }
    return new ImageHeader(format, width, height);
  }

  private static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  private static int be16(byte[] b, int i) {
    return (u8(b, i) << 8) | u8(b, i + 1);
  }

  private static long be32(byte[] b, int i) {
    return ((long) be16(b, i) << 16) | be16(b, i + 2);
  }

  private static int le16(byte[] b, int i) {
    return u8(b, i) | (u8(b, i + 1) << 8);
  }

  private static long le24(byte[] b, int i) {
    return u8(b, i) | (u8(b, i + 1) << 8) | ((long) u8(b, i + 2) << 16);
  }

  private static long le32(byte[] b, int i) {
    return le24(b, i) | ((long) u8(b, i + 3) << 24);
  }

  private static boolean ascii(byte[] b, int i, String s) {
    for (int k = 0; k < s.length(); k++) {
      if (b[i + k] != s.charAt(k)) return false;
    }
    return true;
  }

  @Override
  public String toString() {
    return format + " " + width + "x" + height;
  }

  private abstract static class Source {
    /**
     * Fills {@code dst} from {@code pos} as far as the data goes; returns how many bytes were read.
     */
    abstract int readAtMost(long pos, byte[] dst) throws IOException;

    final byte[] read(long pos, int length) throws IOException {
      byte[] b = new byte[length];
      if (readAtMost(pos, b) < length) throw new EOFException();
      return b;
    }
  }

  private static final class ArraySource extends Source {
    private final byte[] data;

    ArraySource(byte[] data) {
      this.data = data;
    }

    @Override
    int readAtMost(long pos, byte[] dst) {
      if (pos >= data.length) return 0;
      int n = (int) Math.min(dst.length, data.length - pos);
      System.arraycopy(data, (int) pos, dst, 0, n);
      return n;
    }
  }

  private static final class ChannelSource extends Source {
    private final SeekableByteChannel channel;

    ChannelSource(SeekableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    int readAtMost(long pos, byte[] dst) throws IOException {
      channel.position(pos);
      ByteBuffer buf = ByteBuffer.wrap(dst);
      while (buf.hasRemaining()) {
        if (channel.read(buf) < 0) break;
      }
      return buf.position();
    }
  }
}
