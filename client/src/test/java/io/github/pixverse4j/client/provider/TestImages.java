package io.github.pixverse4j.client.provider;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Small images for tests: real PNG/JPEG from ImageIO, WebP and oversized headers built by hand.
 * Public in the client's tests-jar, for the provider modules' tests.
 */
public final class TestImages {
  private TestImages() {}

  public static byte[] png(int width, int height) {
    return encode("png", width, height);
  }

  public static byte[] jpeg(int width, int height) {
    return encode("jpg", width, height);
  }

  private static byte[] encode(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out))
        throw new IllegalStateException("no writer for " + format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Only the PNG signature and IHDR chunk: enough for a header reader, nothing else. */
  public static byte[] pngHeader(long width, long height) {
    ByteBuffer b = ByteBuffer.allocate(33).order(ByteOrder.BIG_ENDIAN);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    b.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII));
    b.putInt((int) width).putInt((int) height);
    b.put(new byte[] {8, 2, 0, 0, 0}).putInt(0);
    return b.array();
  }

  /** A lossless WebP header (VP8L) of the given size. */
  public static byte[] webpLossless(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(22)
        .put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(10);
    b.put((byte) 0x2F);
    int bits = (width - 1) | ((height - 1) << 14);
    b.putInt(bits);
    return b.array();
  }

  /** A lossy WebP header (VP8) of the given size. */
  public static byte[] webpLossy(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(22)
        .put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put("VP8 ".getBytes(StandardCharsets.US_ASCII)).putInt(10);
    b.put(new byte[] {0, 0, 0, (byte) 0x9D, 0x01, 0x2A});
    b.putShort((short) width).putShort((short) height);
    return b.array();
  }

  /** An extended WebP header (VP8X) of the given size. */
  public static byte[] webpExtended(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(22)
        .put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10);
    b.putInt(0);
    int w = width - 1;
    int h = height - 1;
    b.put((byte) w).put((byte) (w >> 8)).put((byte) (w >> 16));
    b.put((byte) h).put((byte) (h >> 8)).put((byte) (h >> 16));
    return b.array();
  }
}
