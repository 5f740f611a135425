package io.github.pixverse4j.fake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The content of a video a fake task produces. The fake gives it a URL when the task succeeds and
 * {@link FakeProvider#downloader()} serves exactly these bytes for that URL.
 */
public final class FakeVideo {
  private static final int SAMPLE_SIZE = 4096;

  /** RFC 6838 section 4.2 restricted names for type and subtype, then any parameters. */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\\s*(;.*)?",
          Pattern.DOTALL);

  private final byte[] bytes;
  private final String contentType;
  private final Integer width;
  private final Integer height;

  private FakeVideo(byte[] bytes, String contentType, Integer width, Integer height) {
    this.bytes = bytes;
    this.contentType = contentType;
    this.width = width;
    this.height = height;
  }

  /**
   * A video with these bytes (copied), served as {@code video/mp4}.
   *
   * @throws IllegalArgumentException when {@code bytes} is empty: no provider serves an empty
   *     video, just as none reports a picture of zero pixels ({@link #withSize})
   */
  public static FakeVideo of(byte[] bytes) {
    if (bytes == null) throw new NullPointerException("bytes == null");
    if (bytes.length == 0) {
      throw new IllegalArgumentException(
          "a fake video needs at least one byte, got none;"
              + " use FakeVideo.sample() for content that does not matter");
    }
    return new FakeVideo(bytes.clone(), "video/mp4", null, null);
  }

  /**
   * 4 KiB that start like an MP4 file (an {@code ftyp} box) followed by a fixed pattern: the same
   * bytes every time, so tests can compare a download with {@link #bytes()}.
   */
  public static FakeVideo sample() {
    byte[] b = new byte[SAMPLE_SIZE];
    byte[] head = {
      0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm',
      'p', '4', '1'
    };
    System.arraycopy(head, 0, b, 0, head.length);
    byte[] fill = "pixverse4j fake video ".getBytes(StandardCharsets.US_ASCII);
    for (int i = head.length; i < b.length; i++) {
      b[i] = fill[(i - head.length) % fill.length];
    }
    return new FakeVideo(b, "video/mp4", 1280, 720);
  }

  /** The same bytes, with the width and height the status reports, in pixels. */
  public FakeVideo withSize(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "width and height must be positive, got " + width + "x" + height);
    }
    return new FakeVideo(bytes, contentType, width, height);
  }

  /**
   * The same bytes with another content type, such as {@code video/webm}: a media type in the
   * {@code type/subtype} form of RFC 6838 (section 4.2), optionally followed by {@code ;}
   * parameters, as in {@code video/mp4; codecs="avc1.42E01E"}.
   *
   * @throws IllegalArgumentException when {@code contentType} is not of that form
   */
  public FakeVideo withContentType(String contentType) {
    if (contentType == null) throw new NullPointerException("contentType == null");
    if (!MEDIA_TYPE.matcher(contentType).matches()) {
      throw new IllegalArgumentException(
          "contentType must be a media type of the form type/subtype"
              + " (such as video/webm), optionally with ;parameters, got '"
              + contentType
              + "'");
    }
    return new FakeVideo(bytes, contentType, width, height);
  }

  /** A copy of the content. */
  public byte[] bytes() {
    return bytes.clone();
  }

  int size() {
    return bytes.length;
  }

  byte[] bytesUnsafe() {
    return bytes;
  }

  String contentType() {
    return contentType;
  }

  Integer width() {
    return width;
  }

  Integer height() {
    return height;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FakeVideo)) return false;
    FakeVideo v = (FakeVideo) o;
    return Arrays.equals(bytes, v.bytes)
        && contentType.equals(v.contentType)
        && java.util.Objects.equals(width, v.width)
        && java.util.Objects.equals(height, v.height);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes) * 31 + contentType.hashCode();
  }

  @Override
  public String toString() {
    return "FakeVideo{"
        + bytes.length
        + " bytes, "
        + contentType
        + (width != null ? ", " + width + "x" + height : "")
        + "}";
  }
}
