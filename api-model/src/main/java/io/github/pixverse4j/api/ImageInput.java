package io.github.pixverse4j.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The still image a video starts from: a public URL, a local file, bytes in memory, or an image the
 * provider already holds (such as a PixVerse {@code img_id}).
 */
public final class ImageInput {
  /** Which of the four forms an {@link ImageInput} has. */
  public enum Kind {
    URL,
    FILE,
    BYTES,
    PROVIDER_IMAGE_ID
  }

  private final Kind kind;
  private final URI url;
  private final Path file;
  private final byte[] bytes;
  private final String mimeType;
  private final String providerImageId;

  private ImageInput(Kind kind, URI url, Path file, byte[] bytes, String mimeType, String id) {
    this.kind = kind;
    this.url = url;
    this.file = file;
    this.bytes = bytes;
    this.mimeType = mimeType;
    this.providerImageId = id;
  }

  /**
   * An image the provider downloads itself; it must be reachable from the provider's servers.
   *
   * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
   */
  public static ImageInput url(String url) {
    URI uri = httpUrl(url, "Image");
    return new ImageInput(Kind.URL, uri, null, null, null, null);
  }

  /** {@code url} as a URI when it is an absolute http(s) URL; {@code what} starts the message. */
  static URI httpUrl(String url, String what) {
    if (url == null) throw new NullPointerException("url == null");
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(what + " URL is not a valid URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          what + " URL must be an absolute http:// or https:// URL, got '" + url + "'");
    }
    return uri;
  }

  /** An image read from a local file when the provider accepts uploads. */
  public static ImageInput file(Path file) {
    if (file == null) throw new NullPointerException("file == null");
    return new ImageInput(Kind.FILE, null, file, null, null, null);
  }

  /** An image held in memory; {@code mimeType} is e.g. {@code image/png}. The array is copied. */
  public static ImageInput bytes(byte[] bytes, String mimeType) {
    if (bytes == null) throw new NullPointerException("bytes == null");
    if (mimeType == null) throw new NullPointerException("mimeType == null");
    if (bytes.length == 0) throw new IllegalArgumentException("image bytes are empty");
    return new ImageInput(Kind.BYTES, null, null, bytes.clone(), mimeType, null);
  }

  /** An image already uploaded to the provider, referred to by the provider's own id. */
  public static ImageInput providerImageId(String id) {
    if (id == null) throw new NullPointerException("id == null");
    if (id.trim().isEmpty()) throw new IllegalArgumentException("provider image id is blank");
    return new ImageInput(Kind.PROVIDER_IMAGE_ID, null, null, null, null, id.trim());
  }

  public Kind kind() {
    return kind;
  }

  /** The URL, for {@link Kind#URL}; otherwise {@code null}. */
  public URI url() {
    return url;
  }

  /** The file, for {@link Kind#FILE}; otherwise {@code null}. */
  public Path file() {
    return file;
  }

  /** A copy of the bytes, for {@link Kind#BYTES}; otherwise {@code null}. */
  public byte[] bytes() {
    return bytes == null ? null : bytes.clone();
  }

  /** The MIME type given with {@link #bytes}; otherwise {@code null}. */
  public String mimeType() {
    return mimeType;
  }

  /** The id given to {@link #providerImageId}; otherwise {@code null}. */
  public String providerImageId() {
    return providerImageId;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ImageInput)) return false;
    ImageInput that = (ImageInput) o;
    return kind == that.kind
        && java.util.Objects.equals(url, that.url)
        && java.util.Objects.equals(file, that.file)
        && Arrays.equals(bytes, that.bytes)
        && java.util.Objects.equals(mimeType, that.mimeType)
        && java.util.Objects.equals(providerImageId, that.providerImageId);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        kind, url, file, Arrays.hashCode(bytes), mimeType, providerImageId);
  }

  @Override
  public String toString() {
    switch (kind) {
      case URL:
        return "ImageInput{url=" + url + "}";
      case FILE:
        return "ImageInput{file=" + file + "}";
      case BYTES:
        return "ImageInput{bytes=" + bytes.length + " bytes, " + mimeType + "}";
      default:
        return "ImageInput{providerImageId=" + providerImageId + "}";
    }
  }
}
