package io.github.pixverse4j.client.http;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableEmitter;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.exceptions.Exceptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Downloads a generated {@link Video} to a file with constant memory, reporting progress.
 *
 * <p>Credentials: the media host (often a CDN with a presigned URL) must never receive the
 * provider's API key. Build the downloader from the application's <em>un-authenticated</em> base
 * client, not from a client made by {@link HttpClients#forProvider}; any {@link AuthInterceptor}
 * and {@link BodyLimitInterceptor} found on {@code base} are removed anyway, but an interceptor of
 * the application's own that adds credentials to every request cannot be recognised.
 */
public final class VideoDownloader {
  /** Bytes copied per read; the download's memory use does not depend on the video's size. */
  static final int BUFFER_BYTES = 64 * 1024;
  /** At least this many bytes (and at least 1 % of a known size) between two progress events. */
  static final long MIN_PROGRESS_STEP_BYTES = 256 * 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final OkHttpClient client;
  private final Scheduler ioScheduler;

  /**
   * @param base the application's base client without provider credentials, such as {@link
   *     HttpClients#sharedDefault()}; its dispatcher and connection pool are shared
   * @param ioScheduler where the blocking copy runs, such as {@code Schedulers.io()}
   */
  public VideoDownloader(OkHttpClient base, Scheduler ioScheduler) {
    if (base == null) throw new NullPointerException("base == null");
    if (ioScheduler == null) throw new NullPointerException("ioScheduler == null");
    OkHttpClient.Builder b = base.newBuilder();
    b.interceptors().removeIf(VideoDownloader::isProviderInterceptor);
    b.networkInterceptors().removeIf(VideoDownloader::isProviderInterceptor);
    // A large video takes as long as it takes; the read timeout still catches a stalled transfer.
    b.callTimeout(0, TimeUnit.MILLISECONDS);
    this.client = b.build();
    this.ioScheduler = ioScheduler;
  }

  private static boolean isProviderInterceptor(Object i) {
    return i instanceof AuthInterceptor || i instanceof BodyLimitInterceptor;
  }

  /**
   * Downloads {@code video} to {@code target}, replacing an existing file. Cold: nothing happens
   * until subscription.
   *
   * <p>The body streams into a hidden temporary file next to the target ({@code
   * .<name>.<random>.part}), which is moved into place (atomically where the file system can) only
   * once complete and as long as announced by {@code Content-Length}. Events: one when the response
   * arrives (0 bytes, with the announced size), then at most one per 256 KiB and per 1 % of the
   * announced size, and a last one with {@link DownloadProgress#done()} true once the file is in
   * place. On error or disposal the temporary file is deleted and the call cancelled.
   *
   * <p>Errors: an HTTP failure is a {@link VideoApiException} with the status (403, 404 and 410
   * say the URL may have expired); a network failure or a short body is a {@link
   * TransportException}; a local file problem (directory missing, disk full) is the {@link
   * IOException} itself. The target's directory is not created.
   *
   * @throws IllegalArgumentException at once when the video URL is not http or https
   */
  public Observable<DownloadProgress> download(Video video, Path target) {
    if (video == null) throw new NullPointerException("video == null");
    if (target == null) throw new NullPointerException("target == null");
    final HttpUrl url = HttpUrl.get(video.url());
    if (url == null) {
      throw new IllegalArgumentException(
          "Video URL must be http or https, got scheme '" + video.url().getScheme() + "'");
    }
    final Path absolute = target.toAbsolutePath();
    if (absolute.getFileName() == null) {
      throw new IllegalArgumentException("target has no file name: " + target);
    }
    return Observable.<DownloadProgress>create(
            emitter -> run(emitter, url, video, absolute, target))
        .subscribeOn(ioScheduler);
  }

  private void run(
      ObservableEmitter<DownloadProgress> emitter,
      HttpUrl url,
      Video video,
      Path absolute,
      Path target) {
    Path part = null;
    try {
      Path dir = absolute.getParent();
      if (!Files.isDirectory(dir)) {
        throw new NoSuchFileException(
            dir.toString(), null, "the download target's directory does not exist; create it first");
      }
      if (Files.isDirectory(absolute)) {
        throw new FileSystemException(absolute.toString(), null, "the download target is a directory");
      }
      Call call = client.newCall(new Request.Builder().url(url).get().build());
      emitter.setCancellable(call::cancel);
      long read;
      try (Response response = call.execute()) {
        if (!response.isSuccessful()) throw httpError(response.code(), url, video, response);
        ResponseBody body = response.body();
        checkIsMedia(response.code(), url, body);
        long total = body.contentLength();
        part = createPart(dir, absolute.getFileName().toString());
        read = copy(emitter, body.source(), part, total, target);
        if (read == 0 && !emitter.isDisposed()) {
          throw new VideoApiException("The media host " + url.host() + " answered HTTP " + response.code()
              + " with an empty body instead of the video: fetch the task's status again for a fresh URL",
              ErrorDetails.none().withHttpStatus(response.code()));
        }
        if (emitter.isDisposed()) throw new InterruptedIOException("download cancelled");
        if (total >= 0 && read != total) {
          throw new TransportException(
              "The download from " + url.host() + " ended after " + read + " of " + total
                  + " announced bytes",
              ErrorDetails.none().withHttpStatus(response.code()),
              null,
              true);
        }
      }
      moveIntoPlace(part, absolute);
      emitter.onNext(progress(target, read, read, true));
      emitter.onComplete();
    } catch (Throwable t) {
      if (part != null) deleteQuietly(part);
      Exceptions.throwIfFatal(t);
      emitter.tryOnError(mapError(t, url));
    }
  }

  private long copy(
      ObservableEmitter<DownloadProgress> emitter,
      BufferedSource source,
      Path part,
      long total,
      Path target)
      throws IOException, LocalFileException {
    long step = Math.max(MIN_PROGRESS_STEP_BYTES, total > 0 ? total / 100 : 0);
    emitter.onNext(progress(target, 0, total, false));
    byte[] buffer = new byte[BUFFER_BYTES];
    ByteBuffer wrapped = ByteBuffer.wrap(buffer);
    long read = 0;
    long nextEvent = step;
    try (FileChannel out = openPart(part)) {
      int n;
      // Fill the whole buffer before each write: a plain read returns one 8 KiB segment, and
      // eight times as many file writes cost a fifth of the throughput.
      while (!emitter.isDisposed() && (source.request(BUFFER_BYTES) || !source.buffer().exhausted())
          && (n = source.read(buffer)) != -1) {
        wrapped.clear();
        wrapped.limit(n);
        try {
          while (wrapped.hasRemaining()) out.write(wrapped);
        } catch (IOException e) {
          throw new LocalFileException(e);
        }
        read += n;
        if (read >= nextEvent) {
          emitter.onNext(progress(target, read, total, false));
          nextEvent = read + step;
        }
      }
      // No fsync: like curl and wget, the file is complete and in place once moved; forcing it
      // to disk would halve throughput for a guarantee only a power cut could test.
    }
    return read;
  }

  private static FileChannel openPart(Path part) throws LocalFileException {
    try {
      return FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new LocalFileException(e);
    }
  }

  private static Path createPart(Path dir, String name) throws LocalFileException {
    for (int attempt = 0; ; attempt++) {
      Path part = dir.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
      try {
        // Created empty here (with the default permissions) so that a clash is detected.
        return Files.createFile(part);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 8) throw new LocalFileException(e);
      } catch (IOException e) {
        throw new LocalFileException(e);
      }
    }
  }

  private static void moveIntoPlace(Path part, Path target) throws LocalFileException {
    try {
      try {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new LocalFileException(e);
    }
  }

  private static DownloadProgress progress(Path target, long read, long total, boolean done) {
    DownloadProgress.Builder b = DownloadProgress.builder();
    b.target(target).bytesRead(read).done(done);
    if (total >= 0) b.totalBytes(total);
    return b.build();
  }

  /**
   * Refuses a 2xx answer that is plainly not a video: storage hosts and CDNs answer expired or
   * wrong links with an HTML, JSON or XML page, sometimes with status 200. Unknown binary types
   * ({@code application/octet-stream}) are accepted, as many hosts send them for videos.
   */
  private static void checkIsMedia(int status, HttpUrl url, ResponseBody body) {
    okhttp3.MediaType type = body.contentType();
    if (type == null) return;
    String t = type.type().toLowerCase(java.util.Locale.ROOT);
    String sub = type.subtype().toLowerCase(java.util.Locale.ROOT);
    boolean page = t.equals("text")
        || (t.equals("application") && (sub.equals("json") || sub.endsWith("+json") || sub.equals("xml")
            || sub.endsWith("+xml") || sub.equals("problem+json")));
    if (page) {
      throw new VideoApiException("The media host " + url.host() + " answered HTTP " + status + " with "
          + t + "/" + sub + " instead of the video: the URL may have expired or lead to an error page;"
          + " fetch the task's status again for a fresh URL", ErrorDetails.none().withHttpStatus(status));
    }
  }

  private static VideoApiException httpError(
      int status, HttpUrl url, Video video, Response response) {
    ErrorDetails details = ErrorDetails.none().withHttpStatus(status);
    String host = url.host();
    switch (status) {
      case 401:
      case 403:
      case 404:
      case 410:
        Instant expiresAt = video.expiresAt().orElse(null);
        String expiry =
            expiresAt != null && expiresAt.isBefore(Clock.systemUTC().instant())
                ? " (the provider said it expired at " + expiresAt + ")"
                : "";
        return new VideoApiException(
            "The media host " + host + " refused the video URL (HTTP " + status
                + "): the URL may have expired" + expiry
                + ". Video URLs are usually valid for a limited time: fetch the task's status"
                + " again for a fresh URL",
            details);
      case 429:
      case 503:
        // As for API calls: a 503 is "slow down" only when it says how long to wait.
        Duration retryAfter =
            RetryAfter.parse(response.header("Retry-After"), Clock.systemUTC()).orElse(null);
        if (status == 503 && retryAfter == null) {
          return new ProviderUnavailableException(
              "The media host " + host + " is unavailable (HTTP 503): try again later", details);
        }
        return new RateLimitedException(
            "The media host " + host + " asked us to slow down (HTTP " + status + ")", details,
            retryAfter);
      default:
        if (status >= 500) {
          return new ProviderUnavailableException(
              "The media host " + host + " failed with HTTP " + status + ": try again later",
              details);
        }
        return new VideoApiException(
            "The media host " + host + " answered HTTP " + status + " instead of the video",
            details);
    }
  }

  private static Throwable mapError(Throwable t, HttpUrl url) {
    if (t instanceof LocalFileException) return t.getCause();
    if (t instanceof NoSuchFileException || t instanceof FileSystemException) return t;
    if (t instanceof IOException) {
      String why = HttpErrors.snippet(t.getMessage(), null);
      String what =
          t instanceof InterruptedIOException ? "timed out or was cancelled" : "failed";
      return new TransportException(
          "The download from " + url.host() + " " + what + " (" + t.getClass().getSimpleName()
              + (why.isEmpty() ? "" : ": " + why) + ")",
          ErrorDetails.none(),
          t,
          true);
    }
    return t;
  }

  private static void deleteQuietly(Path part) {
    try {
      Files.deleteIfExists(part);
    } catch (IOException | RuntimeException ignored) {
      // Nothing more can be done; the name starts with a dot and ends in .part, so it is
      // recognisable as a leftover.
    }
  }

  /** A local file operation failed; carries the {@link IOException} to report unchanged. */
  private static final class LocalFileException extends Exception {
    private static final long serialVersionUID = 1L;

    LocalFileException(IOException cause) {
      super(cause);
    }
  }
}
