package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoDownloaderTest {
  private static final ApiKey KEY = ApiKey.of("sk-provider-key-do-not-leak");
  private static final byte[] CONTENT = new byte[3 * 1024 * 1024 + 123];

  static {
    new Random(42).nextBytes(CONTENT);
    System.arraycopy(
        MediaContainerTest.MP4_HEAD, 0, CONTENT, 0, MediaContainerTest.MP4_HEAD.length);
  }

  @TempDir Path dir;

  private LocalServer media;
  private ExecutorService ioThreads;
  private Scheduler io;
  private OkHttpClient base;
  private VideoDownloader downloader;

  @BeforeEach
  void start() throws IOException {
    media = LocalServer.start();
    media.handle(
        "/video.mp4",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "video/mp4");
          ex.sendResponseHeaders(200, CONTENT.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(CONTENT);
          }
        });
    media.handle(
        "/chunked.mp4",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(CONTENT);
          }
        });
    media.handle(
        "/expired.mp4",
        ex -> LocalServer.respond(ex, 403, "application/xml", "<Error>AccessDenied</Error>"));
    media.handle("/missing.mp4", ex -> LocalServer.respond(ex, 404, "text/plain", "no such key"));
    media.handle("/broken.mp4", ex -> LocalServer.respond(ex, 500, "text/plain", "oops"));
    media.handle("/busy.mp4", ex -> LocalServer.respond(ex, 503, "text/plain", "busy"));
    media.handle(
        "/page.mp4", ex -> LocalServer.respond(ex, 200, "text/html", "<html>Link expired</html>"));
    media.handle(
        "/json.mp4",
        ex -> LocalServer.respond(ex, 200, "application/json", "{\"error\":\"gone\"}"));
    media.handle("/xml.mp4", ex -> LocalServer.respond(ex, 200, "application/xml", "<Error/>"));
    media.handle("/empty.mp4", ex -> LocalServer.respond(ex, 200, "video/mp4", ""));
    media.handle(
        "/octet.mp4",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
          ex.sendResponseHeaders(200, CONTENT.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(CONTENT);
          }
        });
    for (String type : new String[] {null, "application/octet-stream", "video/mp4", "video/webm"}) {
      media.handle(
          "/login-" + (type == null ? "untyped" : type.replace('/', '-')) + ".mp4",
          ex ->
              LocalServer.respond(
                  ex, 200, type, "<!DOCTYPE html><html><body>Sign in</body></html>"));
    }
    media.handle(
        "/rare-type.mp4",
        ex -> LocalServer.respond(ex, 200, "video/x-rare-codec", "rare container bytes"));
    ioThreads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "test-io");
              t.setDaemon(true);
              return t;
            });
    io = Schedulers.from(ioThreads, true);
    base = HttpClients.newDefault();
    downloader = new VideoDownloader(base, io);
  }

  @AfterEach
  void stop() {
    media.close();
    ioThreads.shutdownNow();
  }

  private static Video video(HttpUrl url) {
    return Video.of(url.uri());
  }

  private TestObserver<DownloadProgress> download(String path, Path target) {
    return downloader
        .download(video(media.url(path)), target)
        .test()
        .awaitDone(30, TimeUnit.SECONDS);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) fail("timed out waiting until " + what);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }

  @Test
  @DisplayName("the file has exactly the served bytes and only the target is left in the directory")
  void bytesEqual() throws IOException {
    Path target = dir.resolve("out.mp4");
    download("/video.mp4", target).assertComplete().assertNoErrors();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    assertThat(files()).containsExactly(target);
  }

  @Test
  @DisplayName(
      "progress starts at 0 with the announced size, grows monotonically in steps of at least 256"
          + " KiB and ends with done")
  void progressEvents() {
    Path target = dir.resolve("out.mp4");
    List<DownloadProgress> events = download("/video.mp4", target).assertComplete().values();
    assertThat(events.get(0).bytesRead()).isZero();
    assertThat(events).allSatisfy(e -> assertThat(e.totalBytes()).contains((long) CONTENT.length));
    assertThat(events).allSatisfy(e -> assertThat(e.target()).isEqualTo(target));
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).bytesRead()).isGreaterThanOrEqualTo(events.get(i - 1).bytesRead());
    }
    for (int i = 1; i < events.size() - 1; i++) {
      assertThat(events.get(i).bytesRead() - events.get(i - 1).bytesRead())
          .isGreaterThanOrEqualTo(VideoDownloader.MIN_PROGRESS_STEP_BYTES);
    }
    DownloadProgress last = events.get(events.size() - 1);
    assertThat(last.done()).isTrue();
    assertThat(last.bytesRead()).isEqualTo(CONTENT.length);
    assertThat(last.fraction()).contains(1.0);
    assertThat(events.subList(0, events.size() - 1)).noneMatch(DownloadProgress::done);
    assertThat(events.size())
        .isBetween(3, 2 + CONTENT.length / (int) VideoDownloader.MIN_PROGRESS_STEP_BYTES);
  }

  @Test
  @DisplayName("a body without Content-Length is downloaded whole; its size is known at the end")
  void chunked() throws IOException {
    Path target = dir.resolve("out.mp4");
    List<DownloadProgress> events = download("/chunked.mp4", target).assertComplete().values();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    assertThat(events.get(0).totalBytes()).isEmpty();
    assertThat(events.get(events.size() - 1).totalBytes()).contains((long) CONTENT.length);
  }

  @Test
  @DisplayName("an existing file is replaced")
  void replaces() throws IOException {
    Path target = dir.resolve("out.mp4");
    Files.write(target, "old".getBytes(StandardCharsets.UTF_8));
    download("/video.mp4", target).assertComplete();
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
  }

  @Test
  @DisplayName("the copy runs on the given scheduler")
  void runsOnScheduler() {
    List<String> threads = new CopyOnWriteArrayList<>();
    downloader
        .download(video(media.url("/video.mp4")), dir.resolve("out.mp4"))
        .doOnNext(e -> threads.add(Thread.currentThread().getName()))
        .test()
        .awaitDone(30, TimeUnit.SECONDS)
        .assertComplete();
    assertThat(threads).isNotEmpty().allMatch("test-io"::equals);
  }

  @Test
  @DisplayName("nothing happens until subscription")
  void cold() {
    downloader.download(video(media.url("/video.mp4")), dir.resolve("never.mp4"));
    download("/video.mp4", dir.resolve("out.mp4")).assertComplete();
    assertThat(media.requests).hasSize(1);
    assertThat(dir.resolve("never.mp4")).doesNotExist();
  }

  @Test
  @DisplayName(
      "a body shorter than its Content-Length fails with TransportException and leaves no file")
  void shortBody() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                try (Socket s = server.accept()) {
                  readRequestHead(s.getInputStream());
                  OutputStream out = s.getOutputStream();
                  out.write(
                      "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 1048576\r\n\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(CONTENT, 0, 300 * 1024);
                  out.flush();
                } catch (IOException ignored) {
                  // the test fails on its own if the server could not answer
                }
              });
      t.setDaemon(true);
      t.start();
      HttpUrl url = HttpUrl.get("http://127.0.0.1:" + server.getLocalPort() + "/v.mp4");
      TestObserver<DownloadProgress> o =
          downloader
              .download(video(url), dir.resolve("out.mp4"))
              .test()
              .awaitDone(30, TimeUnit.SECONDS);
      o.assertError(TransportException.class);
      assertThat(o.values()).isNotEmpty().noneMatch(DownloadProgress::done);
      assertThat(files()).isEmpty();
    }
  }

  @Test
  @DisplayName("disposing mid-transfer closes the connection and deletes the partial file")
  void disposeMidTransfer() throws Exception {
    CountDownLatch disposed = new CountDownLatch(1);
    CountDownLatch clientGone = new CountDownLatch(1);
    media.handle(
        "/endless.mp4",
        ex -> {
          ex.sendResponseHeaders(200, 1L << 30);
          byte[] chunk = new byte[64 * 1024];
          System.arraycopy(
              MediaContainerTest.MP4_HEAD, 0, chunk, 0, MediaContainerTest.MP4_HEAD.length);
          long sent = 0;
          try (OutputStream out = ex.getResponseBody()) {
            while (sent < 1L << 30) {
              if (sent == 32L * 1024 * 1024)
                awaitQuietly(disposed); // past the first progress step (1 %)
              out.write(chunk);
              sent += chunk.length;
            }
          } catch (IOException e) {
            clientGone.countDown();
          }
        });
    CountDownLatch someBytes = new CountDownLatch(1);
    TestObserver<DownloadProgress> o =
        downloader
            .download(video(media.url("/endless.mp4")), dir.resolve("out.mp4"))
            .doOnNext(
                e -> {
                  if (e.bytesRead() > 0) someBytes.countDown();
                })
            .test();
    assertThat(someBytes.await(30, TimeUnit.SECONDS)).as("first bytes arrived").isTrue();
    assertThat(files())
        .singleElement()
        .satisfies(
            p -> assertThat(p.getFileName().toString()).startsWith(".out.mp4.").endsWith(".part"));

    o.dispose();
    disposed.countDown();

    assertThat(clientGone.await(30, TimeUnit.SECONDS))
        .as("server saw the connection closed")
        .isTrue();
    await(
        "the partial file is deleted",
        () -> {
          try {
            return files().isEmpty();
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
    o.assertNotComplete().assertNoErrors();
  }

  /**
   * 256 MiB pass through the downloader while the test watches the heap. The server stops after 128
   * MiB until the test has checked that those bytes already reached the disk (so nothing holds them
   * in memory) and that the live heap grew by less than 32 MiB: a generous margin over the 64 KiB
   * copy buffer, socket buffers and Okio segments, and far below the 128 MiB a buffering
   * implementation would hold at that point.
   */
  @Test
  @DisplayName("a body far larger than the memory budget streams to disk with constant memory")
  void constantMemory() throws Exception {
    long size = 256L * 1024 * 1024;
    long half = size / 2;
    CountDownLatch halfSent = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    media.handle(
        "/huge.mp4",
        ex -> {
          ex.sendResponseHeaders(200, size);
          byte[] chunk = new byte[64 * 1024];
          System.arraycopy(
              MediaContainerTest.MP4_HEAD, 0, chunk, 0, MediaContainerTest.MP4_HEAD.length);
          try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < size; sent += chunk.length) {
              if (sent == half) {
                halfSent.countDown();
                awaitQuietly(resume);
              }
              chunk[0] = (byte) (sent >>> 16); // bytes generated on the fly, never held whole
              out.write(chunk);
            }
          }
        });
    long before = usedHeapAfterGc();
    Path target = dir.resolve("huge.mp4");
    TestObserver<DownloadProgress> o =
        downloader.download(video(media.url("/huge.mp4")), target).test();
    try {
      assertThat(halfSent.await(60, TimeUnit.SECONDS)).isTrue();
      // Socket buffers on each side hold at most a few MiB of what the server has written.
      await("the first half is on disk", () -> partSize() >= half - 16L * 1024 * 1024);
      long during = usedHeapAfterGc();
      assertThat(during - before).as("heap growth mid-download").isLessThan(32L * 1024 * 1024);
    } finally {
      resume.countDown();
    }
    o.awaitDone(120, TimeUnit.SECONDS).assertComplete();
    assertThat(Files.size(target)).isEqualTo(size);
    assertThat(o.values().get(o.values().size() - 1).bytesRead()).isEqualTo(size);
    Files.delete(target);
  }

  private long partSize() {
    try {
      return files().stream()
          .filter(p -> p.getFileName().toString().endsWith(".part"))
          .mapToLong(p -> p.toFile().length())
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  @DisplayName("a 403 or 404 from the media host says the URL may have expired")
  void expired() throws IOException {
    for (String path : new String[] {"/expired.mp4", "/missing.mp4"}) {
      Throwable e = errorOf(download(path, dir.resolve("out.mp4")));
      assertThat(e).isExactlyInstanceOf(VideoApiException.class);
      assertThat(e.getMessage()).contains("may have expired").contains("HTTP 4");
      assertThat(((VideoApiException) e).httpStatus()).isPresent();
    }
    assertThat(files()).isEmpty();
  }

  @Test
  @DisplayName("a 5xx from the media host is ProviderUnavailableException")
  void serverError() throws IOException {
    download("/broken.mp4", dir.resolve("out.mp4")).assertError(ProviderUnavailableException.class);
    assertThat(files()).isEmpty();
  }

  @Test
  @DisplayName("a 200 error page (HTML, JSON, XML) or an empty body is not a video: error, no file")
  void errorPagesRefused() throws IOException {
    for (String path : new String[] {"/page.mp4", "/json.mp4", "/xml.mp4", "/empty.mp4"}) {
      Throwable e = errorOf(download(path, dir.resolve("out.mp4")));
      assertThat(e).as(path).isExactlyInstanceOf(VideoApiException.class);
      assertThat(e.getMessage()).as(path).contains("instead of the video").contains("HTTP 200");
      assertThat(files()).as(path).isEmpty();
    }
  }

  @Test
  @DisplayName("an unknown binary content type is accepted as the video when the body is one")
  void octetStreamAccepted() throws IOException {
    download("/octet.mp4", dir.resolve("out.mp4")).assertComplete();
    assertThat(Files.readAllBytes(dir.resolve("out.mp4"))).isEqualTo(CONTENT);
  }

  @Test
  @DisplayName(
      "a page without a content type, as octet-stream or as a checkable video type is refused"
          + " by its first bytes (issue 25, fault 2)")
  void untypedPageRefused() throws IOException {
    for (String path :
        new String[] {
          "/login-untyped.mp4",
          "/login-application-octet-stream.mp4",
          "/login-video-mp4.mp4",
          "/login-video-webm.mp4"
        }) {
      Throwable e = errorOf(download(path, dir.resolve("out.mp4")));
      assertThat(e).as(path).isExactlyInstanceOf(VideoApiException.class);
      assertThat(e.getMessage())
          .as(path)
          .contains("HTTP 200")
          .contains("not a video")
          .contains("<!DOCTYPE html>");
      assertThat(files()).as(path).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "the download fetches Video.downloadUrl (the real URL with the key) when there is one, not"
          + " the masked url() (issue 25, fault 10)")
  void fetchesDownloadUrl() throws IOException {
    Video v =
        Video.builder()
            .url(media.url("/missing.mp4").uri())
            .downloadUrl(media.url("/video.mp4").uri())
            .build();
    downloader
        .download(v, dir.resolve("out.mp4"))
        .test()
        .awaitDone(30, TimeUnit.SECONDS)
        .assertComplete();
    assertThat(Files.readAllBytes(dir.resolve("out.mp4"))).isEqualTo(CONTENT);
    assertThat(media.requestsTo("/missing.mp4")).isEmpty();
  }

  @Test
  @DisplayName("a video type the client cannot check (video/x-rare-codec) is trusted")
  void uncheckableVideoTypeTrusted() throws IOException {
    download("/rare-type.mp4", dir.resolve("out.mp4")).assertComplete();
    assertThat(Files.readString(dir.resolve("out.mp4"))).isEqualTo("rare container bytes");
  }

  @Test
  @DisplayName(
      "the provider's declared type makes an untyped body trusted when the client cannot check it")
  void declaredTypeTrusted() throws IOException {
    Video v =
        Video.builder()
            .url(media.url("/login-untyped.mp4").uri())
            .contentType("video/x-rare-codec")
            .build();
    downloader
        .download(v, dir.resolve("out.mp4"))
        .test()
        .awaitDone(30, TimeUnit.SECONDS)
        .assertComplete();
  }

  @Test
  @DisplayName("a 503 without Retry-After is ProviderUnavailableException, as for API calls")
  void busy() throws IOException {
    download("/busy.mp4", dir.resolve("out.mp4")).assertError(ProviderUnavailableException.class);
    assertThat(files()).isEmpty();
  }

  @Test
  @DisplayName("a URL that is not http(s) is refused before any request")
  void nonHttpRefused() {
    assertThatThrownBy(
            () -> downloader.download(Video.of(URI.create("file:///etc/passwd")), dir.resolve("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http or https");
    URI ftp = URI.create("ftp://127.0.0.1:" + media.port() + "/video.mp4");
    assertThatThrownBy(() -> downloader.download(Video.of(ftp), dir.resolve("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(media.requests).isEmpty();
  }

  @Test
  @DisplayName("a missing target directory fails clearly, before any request")
  void missingDirectory() {
    Path target = dir.resolve("no-such-dir").resolve("out.mp4");
    Throwable e = errorOf(download("/video.mp4", target));
    assertThat(e).isInstanceOf(NoSuchFileException.class);
    assertThat(e.getMessage()).contains("does not exist");
    assertThat(media.requests).isEmpty();
    assertThat(dir.resolve("no-such-dir")).doesNotExist();
  }

  @Test
  @DisplayName(
      "a symbolic link as the target is refused before any request: the move would replace the"
          + " link")
  void symbolicLinkTarget() throws IOException {
    Path real = Files.write(dir.resolve("real.mp4"), new byte[] {7});
    Path link = Files.createSymbolicLink(dir.resolve("link.mp4"), real);
    Throwable e = errorOf(download("/video.mp4", link));
    assertThat(e).isInstanceOf(java.nio.file.FileSystemException.class);
    assertThat(e.getMessage()).contains("symbolic link");
    assertThat(media.requests).isEmpty();
    assertThat(Files.isSymbolicLink(link)).as("the link is kept").isTrue();
    assertThat(Files.readAllBytes(real)).containsExactly(7);
  }

  @Test
  @DisplayName("the provider's credentials never reach the media host")
  void noCredentialsToMediaHost() throws Exception {
    // The media host is the API's own origin here, the worst case: even an authenticated client
    // passed by mistake must not send the key.
    HttpUrl apiBase = BaseUrls.require(media.url("/").toString());
    OkHttpClient providerClient =
        HttpClients.forProvider(base, apiBase, AuthInterceptor.header("API-KEY", KEY, apiBase));
    OkHttpClient bearerClient =
        HttpClients.forProvider(base, apiBase, AuthInterceptor.bearer(KEY, apiBase));
    for (VideoDownloader d :
        List.of(
            downloader,
            new VideoDownloader(providerClient, io),
            new VideoDownloader(bearerClient, io))) {
      d.download(video(media.url("/video.mp4")), dir.resolve("out.mp4"))
          .test()
          .awaitDone(30, TimeUnit.SECONDS)
          .assertComplete();
    }
    assertThat(media.requests).hasSize(3);
    assertThat(media.requests)
        .allSatisfy(
            r -> {
              assertThat(r.header("API-KEY")).isNull();
              assertThat(r.header("Authorization")).isNull();
              assertThat(r.headers().toString()).doesNotContain(KEY.reveal());
            });
  }

  @Test
  @DisplayName("downloads are not limited by the API body cap or the call timeout")
  void noApiLimits() {
    HttpUrl apiBase = BaseUrls.require(media.url("/").toString());
    OkHttpClient capped =
        HttpClients.forProvider(base, apiBase, AuthInterceptor.bearer(KEY, apiBase), 1024);
    new VideoDownloader(capped, io)
        .download(video(media.url("/video.mp4")), dir.resolve("out.mp4"))
        .test()
        .awaitDone(30, TimeUnit.SECONDS)
        .assertComplete();
  }

  static Throwable errorOf(TestObserver<?> o) {
    java.util.concurrent.atomic.AtomicReference<Throwable> error =
        new java.util.concurrent.atomic.AtomicReference<>();
    o.assertError(
        t -> {
          error.set(t);
          return true;
        });
    return error.get();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    int b;
    while (matched < 4 && (b = in.read()) != -1) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }
}
