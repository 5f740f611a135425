package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.PollingPolicy;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flaky media host, scripted answer by answer on a raw socket (so that a body can be cut off
 * exactly), against a retrying downloader.
 */
class VideoDownloaderRetryTest {
  private static final byte[] CONTENT = new byte[1024 * 1024 + 77];
  private static final Pattern RANGE = Pattern.compile("(?im)^Range:\\s*bytes=(\\d+)-\\s*$");

  static {
    new Random(7).nextBytes(CONTENT);
    System.arraycopy(
        MediaContainerTest.MP4_HEAD, 0, CONTENT, 0, MediaContainerTest.MP4_HEAD.length);
  }

  @TempDir Path dir;

  private ExecutorService threads;
  private Scheduler io;
  private VideoDownloader downloader;
  private ScriptedHost host;

  /** One scripted answer: writes a whole HTTP response (or a broken one) for a request head. */
  interface Answer {
    void write(String head, OutputStream out) throws IOException;
  }

  @BeforeEach
  void start() throws IOException {
    threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "retry-test");
              t.setDaemon(true);
              return t;
            });
    io = Schedulers.from(threads, true);
    PollingPolicy policy =
        PollingPolicy.builder()
            .retryDelay(Duration.ofMillis(10))
            .maxRetryDelay(Duration.ofMillis(40))
            .maxRetryAfter(Duration.ofMillis(50))
            .deadline(Duration.ofSeconds(5))
            .jitter(0)
            .build();
    downloader = new VideoDownloader(HttpClients.newDefault(), io, io, policy);
    host = new ScriptedHost();
  }

  @AfterEach
  void stop() throws IOException {
    host.close();
    threads.shutdownNow();
  }

  private TestObserver<DownloadProgress> download(Path target, Single<Video> fresh) {
    return download(Video.of(host.url("/v.mp4")), target, fresh);
  }

  private TestObserver<DownloadProgress> download(Video video, Path target, Single<Video> fresh) {
    return downloader.download(video, target, fresh).test().awaitDone(30, TimeUnit.SECONDS);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  // --- answers

  static Answer full() {
    return (head, out) -> {
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nETag: \"v1\"\r\nContent-Length: "
                  + CONTENT.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(CONTENT);
    };
  }

  /** Announces the whole video, sends {@code bytes} of it, and closes the connection. */
  static Answer cutAfter(int bytes) {
    return (head, out) -> {
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nETag: \"v1\"\r\nContent-Length: "
                  + CONTENT.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(CONTENT, 0, bytes);
    };
  }

  /** Honours {@code Range: bytes=<n>-} with a 206, as S3 and CDNs do. */
  static Answer ranged() {
    return (head, out) -> {
      Matcher m = RANGE.matcher(head);
      if (!m.find()) {
        full().write(head, out);
        return;
      }
      rangeFrom(Integer.parseInt(m.group(1))).write(head, out);
    };
  }

  /** Answers any request with a 206 for the bytes from {@code from}, whatever it asked for. */
  static Answer rangeFrom(int from) {
    return (head, out) -> {
      out.write(
          ("HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\nContent-Range: bytes "
                  + from
                  + "-"
                  + (CONTENT.length - 1)
                  + "/"
                  + CONTENT.length
                  + "\r\nContent-Length: "
                  + (CONTENT.length - from)
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(CONTENT, from, CONTENT.length - from);
    };
  }

  /** The whole video with a second, conflicting Content-Length of 1000. */
  static Answer conflictingLengths() {
    return (head, out) -> {
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: "
                  + CONTENT.length
                  + "\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(CONTENT);
    };
  }

  /** The first {@code bytes} of the video as a complete answer ({@code Content-Length} says so). */
  static Answer completeButShort(int bytes) {
    return (head, out) -> {
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: "
                  + bytes
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(CONTENT, 0, bytes);
    };
  }

  /** No length at all: the body ends when the connection closes, after {@code bytes}. */
  static Answer closeDelimited(int bytes) {
    return (head, out) -> {
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.write(CONTENT, 0, bytes);
    };
  }

  /** Interim answers before {@code then}. */
  static Answer interim(String interimHeads, Answer then) {
    return (head, out) -> {
      out.write(interimHeads.getBytes(StandardCharsets.US_ASCII));
      then.write(head, out);
    };
  }

  static Answer status(int code, String body) {
    return (head, out) -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      out.write(
          ("HTTP/1.1 "
                  + code
                  + " X\r\nContent-Type: text/plain\r\nContent-Length: "
                  + b.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(b);
    };
  }

  /** Reads the request and closes the connection without a word. */
  static Answer reset() {
    return (head, out) -> {};
  }

  // --- tests

  @Test
  @DisplayName("a 503 from the media host is retried, and the file has exactly the served bytes")
  void retries503() throws IOException {
    host.script(status(503, "busy"), status(502, "bad gateway"), full());
    Path target = dir.resolve("out.mp4");
    download(target, null).assertComplete().assertNoErrors();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    assertThat(host.heads).hasSize(3);
    assertThat(files()).containsExactly(target);
  }

  @Test
  @DisplayName("a connection reset before any answer is retried")
  void retriesReset() throws IOException {
    host.script(reset(), full());
    Path target = dir.resolve("out.mp4");
    download(target, null).assertComplete();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
  }

  @Test
  @DisplayName(
      "a body cut short resumes with Range when the host answers 206; progress goes on from where"
          + " it was")
  void resumesWithRange() throws IOException {
    int cut = 400 * 1024;
    host.script(cutAfter(cut), ranged());
    Path target = dir.resolve("out.mp4");
    TestObserver<DownloadProgress> o = download(target, null).assertComplete();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    assertThat(host.heads).hasSize(2);
    Matcher m = RANGE.matcher(host.heads.get(1));
    assertThat(m.find()).as("the second request asks for the rest: %s", host.heads.get(1)).isTrue();
    // OkHttp drops what it had buffered when the stream breaks, so the resume point is at most the
    // cut.
    assertThat(Long.parseLong(m.group(1))).isPositive().isLessThanOrEqualTo(cut);
    assertThat(host.heads.get(1)).containsIgnoringCase("If-Range: \"v1\"");
    List<Long> read = o.values().stream().map(DownloadProgress::bytesRead).toList();
    assertThat(read).as("one start event, then monotonic across both attempts").isSorted();
    assertThat(read.stream().filter(r -> r == 0)).hasSize(1);
    assertThat(o.values().get(o.values().size() - 1).done()).isTrue();
    assertThat(files()).containsExactly(target);
  }

  @Test
  @DisplayName(
      "a body cut short inside the first 64 KiB buffer resumes right after the bytes that arrived")
  void resumesAfterAPartialBuffer() throws IOException {
    int cut = 1000;
    host.script(cutAfter(cut), ranged());
    Path target = dir.resolve("out.mp4");
    download(target, null).assertComplete();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    Matcher m = RANGE.matcher(host.heads.get(1));
    assertThat(m.find()).as("the second request asks for the rest: %s", host.heads.get(1)).isTrue();
    assertThat(Long.parseLong(m.group(1)))
        .as("nothing that arrived is fetched again")
        .isEqualTo(cut);
    assertThat(files()).containsExactly(target);
  }

  @Test
  @DisplayName("a body cut short restarts from zero when the host ignores Range (answers 200)")
  void restartsWithoutRange() throws IOException {
    host.script(cutAfter(300 * 1024), full());
    Path target = dir.resolve("out.mp4");
    download(target, null).assertComplete();
    assertThat(Files.readAllBytes(target)).as("no bytes doubled or lost").isEqualTo(CONTENT);
    assertThat(RANGE.matcher(host.heads.get(1)).find()).isTrue();
    assertThat(files()).containsExactly(target);
  }

  @Test
  @DisplayName(
      "an expired URL (403) is replaced by one fresh status read, then the download succeeds")
  void expiredUrlRefreshed() throws IOException {
    host.script(status(403, "<Error>AccessDenied</Error>"), full());
    AtomicInteger statusReads = new AtomicInteger();
    Single<Video> fresh =
        Single.fromCallable(
            () -> {
              statusReads.incrementAndGet();
              return Video.of(host.url("/fresh.mp4"));
            });
    Path target = dir.resolve("out.mp4");
    download(target, fresh).assertComplete();
    assertThat(statusReads).hasValue(1);
    assertThat(host.heads.get(1)).startsWith("GET /fresh.mp4 ");
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
  }

  @Test
  @DisplayName(
      "a URL still refused after the fresh status read fails with the media host's answer, once"
          + " refreshed")
  void refreshedOnlyOnce() throws IOException {
    host.script(status(403, "denied"), status(403, "denied"), full());
    AtomicInteger statusReads = new AtomicInteger();
    Single<Video> fresh =
        Single.fromCallable(
            () -> {
              statusReads.incrementAndGet();
              return Video.of(host.url("/fresh.mp4"));
            });
    TestObserver<DownloadProgress> o = download(dir.resolve("out.mp4"), fresh);
    o.assertError(
        e ->
            e instanceof VideoApiException
                && ((VideoApiException) e).httpStatus().orElse(0) == 403);
    assertThat(statusReads).hasValue(1);
    assertThat(host.heads).hasSize(2);
    assertThat(files()).isEmpty();
  }

  @Test
  @DisplayName("a media host that stays down fails at the deadline, leaving no file")
  void givesUpAtDeadline() throws IOException {
    host.scriptForever(status(500, "down"));
    TestObserver<DownloadProgress> o = download(dir.resolve("out.mp4"), null);
    o.assertError(ProviderUnavailableException.class);
    assertThat(host.heads.size()).as("retried until the 5 s deadline").isGreaterThan(10);
    assertThat(files()).isEmpty();
  }

  @Test
  @DisplayName(
      "a 206 for other bytes than asked is never glued on: the next attempt fetches the whole"
          + " video (issue 25, fault 1)")
  void wrongContentRangeRestarts() throws IOException {
    int cut = 300 * 1024;
    host.script(cutAfter(cut), rangeFrom(100_000), full());
    Path target = dir.resolve("out.mp4");
    download(target, null).assertComplete();
    assertThat(Files.readAllBytes(target)).as("no bytes doubled or lost").isEqualTo(CONTENT);
    assertThat(host.heads).hasSize(3);
    assertThat(RANGE.matcher(host.heads.get(1)).find()).isTrue();
    assertThat(RANGE.matcher(host.heads.get(2)).find()).as("asks for everything again").isFalse();
  }

  @Test
  @DisplayName("a 206 without Content-Range, or for a part when the whole was asked, is refused")
  void rangeWithoutAskingRefused() throws IOException {
    Answer noContentRange =
        (head, out) -> {
          out.write(
              ("HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\nContent-Length: "
                      + CONTENT.length
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(CONTENT);
        };
    host.script(rangeFrom(1000), noContentRange, rangeFrom(0));
    Path target = dir.resolve("out.mp4");
    download(target, null).assertComplete();
    assertThat(Files.readAllBytes(target))
        .as("the 206 for every byte is the video")
        .isEqualTo(CONTENT);
    assertThat(host.heads).hasSize(3);
  }

  @Test
  @DisplayName(
      "conflicting Content-Length headers are refused (RFC 9112 6.3), then retried (issue 25, fault"
          + " 3)")
  void conflictingLengthsRefused() throws IOException {
    host.script(conflictingLengths(), full());
    Path target = dir.resolve("out.mp4");
    download(target, null).assertComplete();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    assertThat(host.heads).hasSize(2);

    host.scriptForever(conflictingLengths());
    Throwable e = VideoDownloaderTest.errorOf(download(dir.resolve("other.mp4"), null));
    assertThat(e).isInstanceOf(io.github.pixverse4j.api.TransportException.class);
    assertThat(e.getMessage()).contains("conflicting Content-Length");
    assertThat(files()).containsExactly(target);
  }

  @Test
  @DisplayName(
      "a complete answer shorter than the provider's declared size is not a success (issue 25,"
          + " fault 4)")
  void declaredSizeEnforced() throws IOException {
    Video declared =
        Video.builder().url(host.url("/v.mp4")).sizeBytes((long) CONTENT.length).build();
    host.scriptForever(completeButShort(CONTENT.length / 2));
    Throwable e = VideoDownloaderTest.errorOf(download(declared, dir.resolve("out.mp4"), null));
    assertThat(e).isInstanceOf(io.github.pixverse4j.api.TransportException.class);
    assertThat(e.getMessage()).contains("said the video has " + CONTENT.length + " bytes");
    assertThat(files()).isEmpty();
  }

  @Test
  @DisplayName(
      "a close-delimited body cut at half resumes when the provider declared the size (issue 25,"
          + " fault 4)")
  void closeDelimitedCutResumes() throws IOException {
    Video declared =
        Video.builder().url(host.url("/v.mp4")).sizeBytes((long) CONTENT.length).build();
    host.script(closeDelimited(CONTENT.length / 2), ranged());
    Path target = dir.resolve("out.mp4");
    download(declared, target, null).assertComplete();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    Matcher m = RANGE.matcher(host.heads.get(1));
    assertThat(m.find()).isTrue();
    assertThat(Long.parseLong(m.group(1))).isEqualTo(CONTENT.length / 2);
  }

  @Test
  @DisplayName("a body larger than the declared size is not a success")
  void largerThanDeclaredRefused() throws IOException {
    Video declared = Video.builder().url(host.url("/v.mp4")).sizeBytes(1000L).build();
    host.scriptForever(full());
    download(declared, dir.resolve("out.mp4"), null)
        .assertError(e -> e.getMessage().contains("said the video has 1000 bytes"));
    assertThat(files()).isEmpty();
  }

  @Test
  @DisplayName(
      "interim 1xx answers (102, 103, a second 100) fail the attempt, which is retried, and never"
          + " end the download (issue 25, fault 7)")
  void interimAnswersRetried() throws IOException {
    host.script(
        interim("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n", full()),
        interim("HTTP/1.1 102 Processing\r\n\r\n", full()),
        interim("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n", full()),
        full());
    Path target = dir.resolve("out.mp4");
    download(target, null).assertComplete();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    assertThat(host.heads).hasSize(4);
  }

  /** The whole video, {@code chunk} bytes at a time with a pause of {@code pauseMillis} between. */
  static Answer paced(int chunk, long pauseMillis) {
    return (head, out) -> {
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: "
                  + CONTENT.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < CONTENT.length; i += chunk) {
        out.write(CONTENT, i, Math.min(chunk, CONTENT.length - i));
        out.flush();
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
    };
  }

  private VideoDownloader withDeadline(Duration deadline) {
    return new VideoDownloader(
        HttpClients.newDefault(),
        io,
        io,
        PollingPolicy.builder()
            .retryDelay(Duration.ofMillis(10))
            .maxRetryDelay(Duration.ofMillis(40))
            .deadline(deadline)
            .jitter(0)
            .build());
  }

  @Test
  @DisplayName(
      "a video that trickles (a few bytes every 50 ms, never silent for a read timeout) fails at"
          + " the policy's deadline, leaving no file (issue 25, fault 6)")
  void tricklingDownloadBounded() throws IOException {
    host.scriptForever(paced(16, 50));
    long start = System.nanoTime();
    TestObserver<DownloadProgress> o =
        withDeadline(Duration.ofMillis(800))
            .download(Video.of(host.url("/v.mp4")), dir.resolve("out.mp4"), null)
            .test()
            .awaitDone(30, TimeUnit.SECONDS);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    o.assertError(io.github.pixverse4j.api.TransportException.class);
    assertThat(tookMillis)
        .as("ended near the 800 ms deadline, not after the 55 min the body takes")
        .isLessThan(3000);
    assertThat(files()).isEmpty();
  }

  @Test
  @DisplayName(
      "a video that arrives at a healthy rate is not cut by the deadline (progress-based"
          + " allowance)")
  void healthyDownloadPastDeadline() throws IOException {
    host.script(paced(64 * 1024, 60)); // 17 pieces: about 1 s at about 1 MiB/s
    Path target = dir.resolve("out.mp4");
    withDeadline(Duration.ofMillis(400))
        .download(Video.of(host.url("/v.mp4")), target, null)
        .test()
        .awaitDone(30, TimeUnit.SECONDS)
        .assertComplete();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
  }

  /** A one-thread HTTP/1.1 host answering each connection with the next scripted answer. */
  final class ScriptedHost implements AutoCloseable {
    final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private volatile Answer forever;

    ScriptedHost() throws IOException {
      threads.execute(this::serve);
    }

    void script(Answer... a) {
      answers.addAll(List.of(a));
    }

    void scriptForever(Answer a) {
      forever = a;
    }

    URI url(String path) {
      return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          String head = readHead(s.getInputStream());
          heads.add(head);
          Answer a =
              forever != null
                  ? forever
                  : answers.isEmpty() ? status(500, "unscripted") : answers.remove(0);
          OutputStream out = s.getOutputStream();
          a.write(head, out);
          out.flush();
        } catch (IOException closedOrReset) {
          // the next accept() decides whether the host is still open
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    int b;
    while (matched < 4 && (b = in.read()) != -1) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
