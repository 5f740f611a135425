package io.github.pixverse4j.client.http;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.internal.EngineEvents;
import io.github.pixverse4j.client.internal.Failures;
import io.github.pixverse4j.client.internal.HttpCalls;
import io.github.pixverse4j.client.internal.HttpLog;
import io.github.pixverse4j.client.internal.PollSchedule;
import io.github.pixverse4j.client.internal.Retrying;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableEmitter;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
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

  /** The average rate at which a transfer past the deadline may go on: 256 KiB/s. */
  static final long ALLOWANCE_BYTES_PER_SECOND = 256 * 1024;

  /** How far ahead a transfer at that rate keeps its deadline. */
  static final Duration ALLOWANCE = Duration.ofSeconds(30);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final OkHttpClient client;
  private final Scheduler ioScheduler;
  private final Scheduler timeScheduler;
  private final PollingPolicy policy;

  /**
   * A downloader that makes exactly one attempt per download and reports every failure. The one
   * exception, as for API calls ({@link HttpClients#forProvider}): a request that took a pooled
   * connection found closed before any byte of it was written is sent once more on another
   * connection. OkHttp's own silent retry after a connection failure is off.
   *
   * @param base the application's base client without provider credentials, such as {@link
   *     HttpClients#sharedDefault()}; its dispatcher and connection pool are shared
   * @param ioScheduler where the blocking copy runs, such as {@code Schedulers.io()}
   */
  public VideoDownloader(OkHttpClient base, Scheduler ioScheduler) {
    this(base, ioScheduler, null, null);
  }

  /**
   * A downloader that rides out a flaky media host: transient failures (no answer, a reset, a body
   * cut short, 408, 425, 429, 5xx) are retried with {@code policy}'s backoff and {@code
   * Retry-After} for as long as its {@link PollingPolicy#deadline()} allows, counted from the start
   * of the download; a body that ended early resumes with an HTTP {@code Range} request. The
   * deadline bounds a body that trickles too (a read past it fails), except while the transfer
   * averages at least 256 KiB/s: then it always has 30 s ahead, so a large video that arrives at a
   * healthy rate is never cut.
   *
   * @param timeScheduler the source of time for the waits between attempts, such as the client's
   *     scheduler ({@code TestScheduler} in tests)
   * @param policy the retry delays and the deadline
   */
  public VideoDownloader(
      OkHttpClient base, Scheduler ioScheduler, Scheduler timeScheduler, PollingPolicy policy) {
    if (base == null) throw new NullPointerException("base == null");
    if (ioScheduler == null) throw new NullPointerException("ioScheduler == null");
    if ((timeScheduler == null) != (policy == null)) {
      throw new NullPointerException(
          timeScheduler == null ? "timeScheduler == null" : "policy == null");
    }
    OkHttpClient.Builder b = base.newBuilder();
    b.interceptors().removeIf(VideoDownloader::isProviderInterceptor);
    b.networkInterceptors().removeIf(VideoDownloader::isProviderInterceptor);
    // First among the network interceptors, so that it sees the answer as it came off the wire.
    b.networkInterceptors().remove(HttpFraming.INSTANCE);
    b.networkInterceptors().add(0, HttpFraming.INSTANCE);
    // The provider clients' rule (HttpClients.forProvider): a download found on a pooled connection
    // that turns out closed before any byte of it was written is sent once more on another
    // connection, and OkHttp's own retry is off. OkHttp 3.14's retry would take that same closed
    // connection again, without end (it never completed an exchange, so it is never checked), and
    // a download has no call timeout to stop it. Every other failure is this class's to retry.
    RequestWriteTracker tracker = new RequestWriteTracker();
    b.interceptors().add(tracker.application());
    b.interceptors().remove(HttpFraming.APPLICATION);
    b.interceptors().add(HttpFraming.APPLICATION);
    // Last, so that it runs only when nothing remains between it and writing the request.
    b.networkInterceptors().add(tracker.network());
    b.retryOnConnectionFailure(false);
    // A large video takes as long as it takes; the read timeout still catches a stalled transfer.
    b.callTimeout(0, TimeUnit.MILLISECONDS);
    this.client = b.build();
    this.ioScheduler = ioScheduler;
    this.timeScheduler = timeScheduler;
    this.policy = policy;
  }

  private static boolean isProviderInterceptor(Object i) {
    return i instanceof AuthInterceptor
        || i instanceof BodyLimitInterceptor
        || RequestWriteTracker.isTracker(i);
  }

  /** Same as {@link #download(Video, Path, Single)} without a way to refresh an expired URL. */
  public Observable<DownloadProgress> download(Video video, Path target) {
    return download(video, target, null);
  }

  /**
   * Downloads {@code video} to {@code target}, replacing an existing file. Cold: nothing happens
   * until subscription.
   *
   * <p>The body streams into a hidden temporary file next to the target ({@code
   * .<name>.<random>.part}), which is moved into place (atomically where the file system can) only
   * once complete and as long as announced by {@code Content-Length} (or, after a resume, the total
   * of {@code Content-Range}) and by the provider ({@link Video#sizeBytes()}), and only when its
   * first bytes are those of a video container (an MP4/MOV {@code ftyp} box, WebM's EBML magic and
   * the others {@code MediaContainer} knows; a {@code video/*} type it cannot check is trusted).
   * Events: one when the first response arrives (0 bytes, with the announced size), then at most
   * one per 256 KiB and per 1 % of the announced size, counting on across attempts, and a last one
   * with {@link DownloadProgress#done()} true once the file is in place. On a final error or
   * disposal the temporary file is deleted and the call cancelled: nothing partial is ever left at
   * the target.
   *
   * <p>With a retrying downloader (see the constructors), a transient failure is retried; a body
   * that ended early resumes from the bytes already on disk with {@code Range: bytes=<n>-} (and
   * {@code If-Range} with the first answer's {@code ETag}), appending only when the host answers
   * {@code 206} with a {@code Content-Range} that starts at that byte (and names the same total); a
   * {@code 200} restarts from zero, and a {@code 206} for other bytes is never written: the next
   * attempt asks for the whole video. An answer with conflicting {@code Content-Length}s or an
   * interim {@code 1xx} is refused as a failed transfer (see {@code HttpFraming}). When the media
   * host refuses the URL (401, 403, 404, 410: presigned URLs expire) and {@code freshVideo} is
   * given, it is subscribed to once for a fresh URL and the download starts again.
   *
   * <p>Errors: an HTTP failure is a {@link VideoApiException} with the status (403, 404 and 410 say
   * the URL may have expired), and so is a body that is not a video; a network failure, a short
   * body, a size other than the provider declared or a range other than asked for is a {@link
   * TransportException}; a local file problem (directory missing, disk full) is the {@link
   * IOException} itself. The target's directory is not created.
   *
   * @param freshVideo reads the task again and gives the same video with a fresh URL; may be {@code
   *     null}
   * @throws IllegalArgumentException at once when the video URL is not http or https
   */
  public Observable<DownloadProgress> download(Video video, Path target, Single<Video> freshVideo) {
    return download(video, target, freshVideo, null);
  }

  /**
   * {@link #download(Video, Path, Single)}, telling {@code retries} (may be {@code null}) of each
   * retry before its wait; its type is not API (the client's event listeners hear it).
   */
  public Observable<DownloadProgress> download(
      Video video, Path target, Single<Video> freshVideo, Retrying.Listener retries) {
    if (video == null) throw new NullPointerException("video == null");
    if (target == null) throw new NullPointerException("target == null");
    final HttpUrl url = httpUrl(video);
    final Path absolute = target.toAbsolutePath();
    if (absolute.getFileName() == null) {
      throw new IllegalArgumentException("target has no file name: " + target);
    }
    return Observable.defer(
        () -> {
          Transfer t =
              new Transfer(
                  url,
                  video,
                  absolute,
                  target,
                  timeScheduler == null ? 0 : timeScheduler.now(TimeUnit.NANOSECONDS),
                  retries);
          return attempts(t, freshVideo)
              .doOnError(e -> deleteQuietly(t.part))
              .doOnDispose(() -> deleteQuietly(t.part));
        });
  }

  private static HttpUrl httpUrl(Video video) {
    // The real URL, key and all when the provider put it there (Video.downloadUrl); messages name
    // only its host.
    HttpUrl url = HttpUrl.get(video.fetchUrl());
    if (url == null) {
      throw new IllegalArgumentException(
          "Video URL must be http or https, got scheme '" + video.url().getScheme() + "'");
    }
    return url;
  }

  /** One download's state across its attempts; attempts run one after the other. */
  private static final class Transfer {
    final Path absolute;
    final Path target;
    final long startNanos;
    volatile HttpUrl url;
    volatile Video video;
    volatile Path part;
    volatile long written;
    volatile long total = -1;
    volatile String validator;
    volatile int failures;
    volatile boolean refreshed;
    volatile boolean started;

    /** The failure of the previous attempt, reported when the last one only ran out of time. */
    volatile Throwable lastFailure;

    /** Told of each retry; null: nobody. */
    final Retrying.Listener retries;

    /** The operation whose calls these are, marked where the download was subscribed; or null. */
    final EngineEvents operation = HttpCalls.current();

    Transfer(
        HttpUrl url,
        Video video,
        Path absolute,
        Path target,
        long startNanos,
        Retrying.Listener retries) {
      this.url = url;
      this.video = video;
      this.absolute = absolute;
      this.target = target;
      this.startNanos = startNanos;
      this.retries = retries;
    }
  }

  private Observable<DownloadProgress> attempts(Transfer t, Single<Video> freshVideo) {
    return Observable.<DownloadProgress>create(emitter -> attempt(emitter, t))
        .subscribeOn(ioScheduler)
        .onErrorResumeNext(e -> afterFailure(t, e, freshVideo));
  }

  private Observable<DownloadProgress> afterFailure(
      Transfer t, Throwable e, Single<Video> freshVideo) {
    if (policy == null) return Observable.error(e);
    if (freshVideo != null && !t.refreshed && isRefusedUrl(e)) {
      t.refreshed = true;
      return freshVideo
          .onErrorResumeNext(
              statusFailed -> {
                e.addSuppressed(statusFailed);
                return Single.error(e);
              })
          .flatMapObservable(
              fresh -> {
                t.url = httpUrl(fresh);
                t.video = fresh;
                t.written = 0; // another URL may be another object: no resume across it
                t.validator = null;
                return attempts(t, freshVideo);
              });
    }
    if (!Failures.isTransient(e)) return Observable.error(e);
    int failures = ++t.failures;
    Duration delay = PollSchedule.retryDelay(policy, failures, HttpErrors.retryAfter(e));
    long deadline = t.startNanos + policy.deadline().toNanos();
    if (timeScheduler.now(TimeUnit.NANOSECONDS) + delay.toNanos() > deadline) {
      Throwable before = t.lastFailure;
      if (before != null && e.getCause() instanceof InterruptedIOException) {
        // The last attempt ran into the deadline: what failed before says more than "timeout".
        before.addSuppressed(e);
        return Observable.error(before);
      }
      return Observable.error(e);
    }
    t.lastFailure = e;
    if (t.retries != null) t.retries.retrying(failures, e, delay);
    return Observable.timer(delay.toNanos(), TimeUnit.NANOSECONDS, timeScheduler)
        .flatMap(x -> attempts(t, freshVideo));
  }

  private static boolean isRefusedUrl(Throwable e) {
    if (!(e instanceof VideoApiException)) return false;
    int status = ((VideoApiException) e).httpStatus().orElse(0);
    return status == 401 || status == 403 || status == 404 || status == 410;
  }

  private void attempt(ObservableEmitter<DownloadProgress> emitter, Transfer t) {
    HttpUrl url = t.url;
    try {
      if (t.part == null) {
        Path dir = t.absolute.getParent();
        if (!Files.isDirectory(dir)) {
          throw new NoSuchFileException(
              dir.toString(),
              null,
              "the download target's directory does not exist; create it first");
        }
        if (Files.isDirectory(t.absolute)) {
          throw new FileSystemException(
              t.absolute.toString(), null, "the download target is a directory");
        }
        if (Files.isSymbolicLink(t.absolute)) {
          // Moving the finished file into place would replace the link, not write to its target
          // (DownloadTargets.check refuses it before a job is submitted, for the same reason).
          throw new FileSystemException(
              t.absolute.toString(),
              null,
              "the download target is a symbolic link; give the file it points to instead");
        }
        t.part = createPart(dir, t.absolute.getFileName().toString());
      }
      long resumeAt = t.written;
      Request.Builder request = new Request.Builder().url(url).get();
      if (resumeAt > 0) {
        request.header("Range", "bytes=" + resumeAt + "-");
        if (t.validator != null) request.header("If-Range", t.validator);
      }
      // Numbered for the HTTP log: the call is created on this thread.
      HttpLog.startAttempt(t.failures + 1);
      HttpCalls.mark(t.operation);
      Call call;
      try {
        call = client.newCall(request.build());
      } finally {
        HttpLog.endAttempt();
        HttpCalls.unmark();
      }
      emitter.setCancellable(call::cancel);
      try (Response response = call.execute()) {
        if (resumeAt > 0 && response.code() == 416) {
          t.written = 0; // the host no longer has those bytes: start over
          throw new TransportException(
              "The media host "
                  + url.host()
                  + " refused to resume at byte "
                  + resumeAt
                  + " (HTTP 416)",
              ErrorDetails.none().withHttpStatus(416),
              null,
              true);
        }
        if (!response.isSuccessful()) throw httpError(response.code(), url, t.video, response);
        ResponseBody body = response.body();
        checkIsMedia(response.code(), url, body);
        boolean append = false;
        long rangeTotal = -1;
        if (response.code() == 206) {
          // Only the bytes asked for may be written: a 206 for other bytes (or for a part of the
          // video when the whole was asked for) glued to the file would corrupt it.
          long[] range = contentRange(response.header("Content-Range"));
          long knownTotal = t.total;
          boolean asked =
              range != null
                  && range[0] == resumeAt
                  && (range[2] < 0 || knownTotal < 0 || resumeAt == 0 || range[2] == knownTotal)
                  && (resumeAt > 0 || range[2] >= 0 && range[1] == range[2] - 1);
          if (!asked) {
            t.written = 0; // the next attempt asks for the whole video, without Range
            t.validator = null;
            t.total = -1;
            throw new TransportException(
                "The media host "
                    + url.host()
                    + " answered HTTP 206 with "
                    + (response.header("Content-Range") == null
                        ? "no Content-Range"
                        : "Content-Range '"
                            + HttpErrors.snippet(response.header("Content-Range"), null)
                            + "'")
                    + " to a request for "
                    + (resumeAt > 0 ? "the bytes from " + resumeAt : "the whole video")
                    + "; nothing of it was kept",
                ErrorDetails.none().withHttpStatus(206),
                null,
                true);
          }
          append = resumeAt > 0;
          rangeTotal = range[2];
        }
        if (append) {
          if (rangeTotal >= 0) t.total = rangeTotal;
        } else {
          // A whole body (200, or 206 for every byte): restart from zero.
          t.written = 0;
          t.total = response.code() == 206 ? rangeTotal : body.contentLength();
          String etag = response.header("ETag");
          t.validator = etag != null && !etag.startsWith("W/") ? etag : null;
        }
        long before = t.written;
        bound(body.source(), t);
        copy(emitter, body.source(), t, append, response);
        if (t.written > before)
          t.failures = 0; // progress: the next failure starts the backoff anew
        long read = t.written;
        long total = t.total;
        if (read == 0 && !emitter.isDisposed()) {
          throw new VideoApiException(
              "The media host "
                  + url.host()
                  + " answered HTTP "
                  + response.code()
                  + " with an empty body instead of the video: fetch the task's status again for a"
                  + " fresh URL",
              ErrorDetails.none().withHttpStatus(response.code()));
        }
        if (emitter.isDisposed()) throw new InterruptedIOException("download cancelled");
        if (total >= 0 && read != total) {
          throw new TransportException(
              "The download from "
                  + url.host()
                  + " ended after "
                  + read
                  + " of "
                  + total
                  + " announced bytes",
              ErrorDetails.none().withHttpStatus(response.code()),
              null,
              true);
        }
        Long declared = t.video.sizeBytes().orElse(null);
        if (declared != null && read != declared) {
          // Shorter: a body cut where the host did not say how long it is (close-delimited) or
          // announced too little; the next attempt resumes after what arrived. Longer: another
          // object than the provider described; the next attempt starts over.
          if (read > declared) t.written = 0;
          throw new TransportException(
              "The download from "
                  + url.host()
                  + " ended after "
                  + read
                  + " bytes, but the provider"
                  + " said the video has "
                  + declared
                  + " bytes",
              ErrorDetails.none().withHttpStatus(response.code()),
              null,
              true);
        }
      }
      moveIntoPlace(t.part, t.absolute);
      t.part = null;
      emitter.onNext(progress(t.target, t.written, t.written, true));
      emitter.onComplete();
    } catch (Throwable e) {
      if (emitter.isDisposed()) {
        deleteQuietly(t.part);
        return;
      }
      Exceptions.throwIfFatal(e);
      emitter.tryOnError(mapError(e, url));
    }
  }

  /**
   * {@code [first byte, last byte, complete length or -1]} of {@code bytes
   * <first>-<last>/<length|*>}, or null.
   */
  static long[] contentRange(String header) {
    if (header == null) return null;
    String v = header.trim();
    if (!v.regionMatches(true, 0, "bytes ", 0, 6)) return null;
    v = v.substring(6).trim();
    int dash = v.indexOf('-');
    int slash = v.indexOf('/');
    if (dash <= 0 || slash < dash) return null;
    try {
      long first = Long.parseLong(v.substring(0, dash).trim());
      long last = Long.parseLong(v.substring(dash + 1, slash).trim());
      String length = v.substring(slash + 1).trim();
      long complete = length.equals("*") ? -1 : Long.parseLong(length);
      if (first < 0 || last < first || complete >= 0 && last >= complete) return null;
      return new long[] {first, last, complete};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void copy(
      ObservableEmitter<DownloadProgress> emitter,
      BufferedSource source,
      Transfer t,
      boolean append,
      Response response)
      throws IOException, LocalFileException {
    if (!append) checkIsVideo(source, t, response);
    long total = t.total >= 0 ? t.total : t.video.sizeBytes().orElse(-1L);
    long step = Math.max(MIN_PROGRESS_STEP_BYTES, total > 0 ? total / 100 : 0);
    if (!t.started) {
      t.started = true;
      emitter.onNext(progress(t.target, 0, total, false));
    }
    byte[] buffer = new byte[BUFFER_BYTES];
    ByteBuffer wrapped = ByteBuffer.wrap(buffer);
    long read = t.written;
    final long attemptStart = read;
    final long attemptStartNanos = System.nanoTime();
    long nextEvent = read + step;
    try (FileChannel out = openPart(t.part, append)) {
      int n;
      // Fill the whole buffer before each write: a plain read returns one 8 KiB segment, and
      // eight times as many file writes cost a fifth of the throughput.
      while (!emitter.isDisposed()
          && (fill(source, out, t) || !source.buffer().exhausted())
          && (n = source.read(buffer)) != -1) {
        wrapped.clear();
        wrapped.limit(n);
        try {
          while (wrapped.hasRemaining()) out.write(wrapped);
        } catch (IOException e) {
          throw new LocalFileException(e);
        }
        read += n;
        // Recorded as it goes: a failure below leaves exactly these bytes on disk to resume from.
        t.written = read;
        allowance(source, read - attemptStart, attemptStartNanos);
        if (read >= nextEvent) {
          emitter.onNext(progress(t.target, read, total, false));
          nextEvent = read + step;
        }
      }
      // No fsync: like curl and wget, the file is complete and in place once moved; forcing it
      // to disk would halve throughput for a guarantee only a power cut could test.
    }
  }

  /**
   * Bounds this attempt's body by what is left of the policy's deadline (counted from the start of
   * the download), as a deadline on the body's Okio {@code Timeout}: a body that trickles (a byte
   * every few seconds never trips the read timeout) fails as a timed-out read once the deadline has
   * passed, which {@code afterFailure} then does not retry. The deadline is on the one socket of
   * this answer and OkHttp clears it when the body ends (see {@link BodyLimitInterceptor} for why
   * not a call timeout). Without a policy there is no bound but the read timeout.
   */
  private void bound(BufferedSource source, Transfer t) {
    if (policy == null) return;
    long left =
        t.startNanos + policy.deadline().toNanos() - timeScheduler.now(TimeUnit.NANOSECONDS);
    source.timeout().deadline(Math.max(1, left), TimeUnit.NANOSECONDS);
  }

  /**
   * Progress-based allowance for large videos: while this attempt has received at least {@link
   * #ALLOWANCE_BYTES_PER_SECOND} on average, the body's deadline is kept at least {@link
   * #ALLOWANCE} ahead, so a healthy transfer of a large video is never cut by the deadline; a
   * trickle never earns it.
   */
  private void allowance(BufferedSource source, long bytes, long sinceNanos) {
    if (policy == null) return;
    long elapsed = Math.max(1, System.nanoTime() - sinceNanos);
    if (bytes * 1_000_000_000.0 / elapsed < ALLOWANCE_BYTES_PER_SECOND) return;
    okio.Timeout timeout = source.timeout();
    long left =
        timeout.hasDeadline() ? timeout.deadlineNanoTime() - System.nanoTime() : Long.MAX_VALUE;
    if (left < ALLOWANCE.toNanos()) timeout.deadline(ALLOWANCE.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * {@code source.request(BUFFER_BYTES)}; when the body ends early there, first writes what did
   * arrive (less than one buffer, otherwise lost), so a resume starts after those bytes.
   */
  private static boolean fill(BufferedSource source, FileChannel out, Transfer t)
      throws IOException, LocalFileException {
    try {
      return source.request(BUFFER_BYTES);
    } catch (IOException cut) {
      byte[] arrived = source.buffer().readByteArray();
      ByteBuffer wrapped = ByteBuffer.wrap(arrived);
      try {
        while (wrapped.hasRemaining()) out.write(wrapped);
      } catch (IOException e) {
        throw new LocalFileException(e);
      }
      t.written += arrived.length;
      throw cut;
    }
  }

  private static FileChannel openPart(Path part, boolean append) throws LocalFileException {
    try {
      return append
          ? FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
          : FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
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
    boolean page =
        t.equals("text")
            || (t.equals("application")
                && (sub.equals("json")
                    || sub.endsWith("+json")
                    || sub.equals("xml")
                    || sub.endsWith("+xml")
                    || sub.equals("problem+json")));
    if (page) {
      throw new VideoApiException(
          "The media host "
              + url.host()
              + " answered HTTP "
              + status
              + " with "
              + t
              + "/"
              + sub
              + " instead of the video: the URL may have expired or lead to an error page;"
              + " fetch the task's status again for a fresh URL",
          ErrorDetails.none().withHttpStatus(status));
    }
  }

  /**
   * Refuses a body whose first bytes are not those of a video container (see {@link
   * MediaContainer}), unless the answer or the provider names a {@code video/*} type that cannot be
   * checked. Reads ahead without consuming; an empty body is left to the caller's check.
   */
  private static void checkIsVideo(BufferedSource source, Transfer t, Response response)
      throws IOException {
    source.request(MediaContainer.SNIFF_BYTES);
    long available = source.buffer().size();
    if (available == 0) return;
    byte[] head =
        source
            .buffer()
            .snapshot((int) Math.min(available, MediaContainer.SNIFF_BYTES))
            .toByteArray();
    if (MediaContainer.recognised(head)) return;
    ResponseBody body = response.body();
    String answered =
        body == null || body.contentType() == null ? null : body.contentType().toString();
    String declared = t.video.contentType().orElse(null);
    if (MediaContainer.uncheckableVideoType(answered)
        || MediaContainer.uncheckableVideoType(declared)) {
      return;
    }
    int status = response.code();
    throw new VideoApiException(
        "The media host "
            + t.url.host()
            + " answered HTTP "
            + status
            + (answered == null
                ? " without a content type"
                : " as " + HttpErrors.snippet(answered, null))
            + " with a body that is not a video (it starts with '"
            + HttpErrors.snippet(MediaContainer.describe(head), null)
            + "') instead of the video: the URL"
            + " may lead to an error or login page; fetch the task's status again for a fresh URL",
        ErrorDetails.none().withHttpStatus(status));
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
            "The media host "
                + host
                + " refused the video URL (HTTP "
                + status
                + "): the URL may have expired"
                + expiry
                + ". Video URLs are usually valid for a limited time: fetch the task's status"
                + " again for a fresh URL",
            details);
      case 429:
      case 503:
        // As for API calls: a 503 is "slow down" only when it says how long to wait.
        Duration retryAfter =
            RetryAfter.fromHeaders(response.headers(), Clock.systemUTC()).orElse(null);
        if (status == 503 && retryAfter == null) {
          return new ProviderUnavailableException(
              "The media host " + host + " is unavailable (HTTP 503): try again later", details);
        }
        return new RateLimitedException(
            "The media host " + host + " asked us to slow down (HTTP " + status + ")",
            details,
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
      String what = t instanceof InterruptedIOException ? "timed out or was cancelled" : "failed";
      return new TransportException(
          "The download from "
              + url.host()
              + " "
              + what
              + " ("
              + t.getClass().getSimpleName()
              + (why.isEmpty() ? "" : ": " + why)
              + ")",
          ErrorDetails.none(),
          t,
          true);
    }
    return t;
  }

  private static void deleteQuietly(Path part) {
    if (part == null) return;
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
