package io.github.pixverse4j.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The video an {@link ExtendVideoRequest} continues: a finished task of the same provider, a local
 * file, bytes in memory, a public http(s) URL, or a video the provider already holds (such as a
 * PixVerse {@code media_id} from an earlier media upload).
 */
public final class VideoSource {
  /** Which of the five forms a {@link VideoSource} has. */
  public enum Kind {
    /** A finished task of the same provider, by its {@link TaskHandle}. */
    TASK,
    FILE,
    BYTES,
    URL,
    /** A video already uploaded to the provider, by the provider's numeric media id. */
    PROVIDER_MEDIA_ID
  }

  private final Kind kind;
  private final TaskHandle task;
  private final Path file;
  private final byte[] bytes;
  private final URI url;
  private final long mediaId;

  private VideoSource(Kind kind, TaskHandle task, Path file, byte[] bytes, URI url, long mediaId) {
    this.kind = kind;
    this.task = task;
    this.file = file;
    this.bytes = bytes;
    this.url = url;
    this.mediaId = mediaId;
  }

  /** The video of a finished task of the provider that extends it (checked before sending). */
  public static VideoSource task(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return new VideoSource(Kind.TASK, handle, null, null, null, 0);
  }

  /**
   * A local video file, uploaded as part of the submit. Whether it exists, is a video (MP4 or
   * QuickTime {@code ftyp}, or WebM) and fits the provider's size limit is checked before anything
   * is sent, by {@link ProviderCapabilities#validate(ExtendVideoRequest)}.
   */
  public static VideoSource file(Path file) {
    if (file == null) throw new NullPointerException("file == null");
    return new VideoSource(Kind.FILE, null, file, null, null, 0);
  }

  /** A video held in memory (MP4, QuickTime or WebM by its bytes); the array is copied. */
  public static VideoSource bytes(byte[] bytes) {
    if (bytes == null) throw new NullPointerException("bytes == null");
    if (bytes.length == 0) throw new IllegalArgumentException("video bytes are empty");
    return new VideoSource(Kind.BYTES, null, null, bytes.clone(), null, 0);
  }

  /**
   * A video the provider downloads itself; it must be reachable from the provider's servers.
   *
   * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
   */
  public static VideoSource url(String url) {
    URI uri = ImageInput.httpUrl(url, "Video");
    return new VideoSource(Kind.URL, null, null, null, uri, 0);
  }

  /**
   * A video already uploaded to the provider, by its id (PixVerse's {@code media_id}). A {@code
   * long}: such ids exceed 2^53 and must never pass through a {@code double}.
   *
   * @throws IllegalArgumentException when {@code id} is negative
   */
  public static VideoSource providerMediaId(long id) {
    if (id < 0) throw new IllegalArgumentException("provider media id is negative: " + id);
    return new VideoSource(Kind.PROVIDER_MEDIA_ID, null, null, null, null, id);
  }

  public Kind kind() {
    return kind;
  }

  /** The task, for {@link Kind#TASK}; otherwise {@code null}. */
  public TaskHandle task() {
    return task;
  }

  /** The file, for {@link Kind#FILE}; otherwise {@code null}. */
  public Path file() {
    return file;
  }

  /** A copy of the bytes, for {@link Kind#BYTES}; otherwise {@code null}. */
  public byte[] bytes() {
    return bytes == null ? null : bytes.clone();
  }

  /** The number of bytes, for {@link Kind#BYTES}; otherwise 0. */
  public int byteCount() {
    return bytes == null ? 0 : bytes.length;
  }

  /** The URL, for {@link Kind#URL}; otherwise {@code null}. */
  public URI url() {
    return url;
  }

  /**
   * The media id, for {@link Kind#PROVIDER_MEDIA_ID}.
   *
   * @throws IllegalStateException for any other kind
   */
  public long providerMediaId() {
    if (kind != Kind.PROVIDER_MEDIA_ID) throw new IllegalStateException("not a media id: " + this);
    return mediaId;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof VideoSource)) return false;
    VideoSource that = (VideoSource) o;
    return kind == that.kind
        && Objects.equals(task, that.task)
        && Objects.equals(file, that.file)
        && Arrays.equals(bytes, that.bytes)
        && Objects.equals(url, that.url)
        && mediaId == that.mediaId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, task, file, Arrays.hashCode(bytes), url, mediaId);
  }

  @Override
  public String toString() {
    switch (kind) {
      case TASK:
        return "VideoSource{task=" + task + "}";
      case FILE:
        return "VideoSource{file=" + file + "}";
      case BYTES:
        return "VideoSource{bytes=" + bytes.length + " bytes}";
      case URL:
        return "VideoSource{url=" + url + "}";
      default:
        return "VideoSource{providerMediaId=" + mediaId + "}";
    }
  }
}
