package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.PollingPolicy;
import io.reactivex.rxjava3.core.Notification;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download that takes a pooled connection whose socket a cancel closed before its first exchange
 * (left by a call outside pixverse4j on the same pool, which nothing retires). OkHttp 3.14's own
 * retry ({@code retryOnConnectionFailure}) would set up a codec on that same connection again and
 * again, forever: a connection that never completed an exchange skips the health check, a failed
 * codec set-up does not mark it, and the call keeps it. The downloader has no call timeout, so that
 * was a download that never ended. The cancel is placed by an {@link EventListener}, and the codec
 * set-ups on each socket are counted: no timing, no sleeps.
 */
class DownloadOnDeadConnectionTest {
  /** More codec set-ups than this on one socket is OkHttp's endless retry. */
  private static final int SPIN_LIMIT = 50;

  private static final byte[] VIDEO = video();

  private LocalServer server;
  private HttpUrl base;

  @BeforeEach
  void start() throws IOException {
    server = mediaServer(VIDEO);
    base = server.url("/");
  }

  /** A server whose {@code /media} answers every request with {@code video} as video/mp4. */
  static LocalServer mediaServer(byte[] video) throws IOException {
    return LocalServer.start()
        .handle(
            "/media",
            ex -> {
              ex.getResponseHeaders().set("Content-Type", "video/mp4");
              ex.sendResponseHeaders(200, video.length);
              try (OutputStream out = ex.getResponseBody()) {
                out.write(video);
              }
            });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static byte[] video() {
    byte[] v = new byte[10_000];
    System.arraycopy(MediaContainerTest.MP4_HEAD, 0, v, 0, MediaContainerTest.MP4_HEAD.length);
    return v;
  }

  /**
   * A base client whose call tagged {@code "cancel"} is cancelled just as its new connection was
   * acquired, and one such call made on it directly (as an application's own call on the shared
   * pool): its connection is in the pool, idle, its socket closed, never having completed an
   * exchange.
   */
  static OkHttpClient poisonedPool(HttpUrl base, OkHttpSocketFactory sockets) {
    OkHttpClient http =
        HttpClients.newDefault()
            .newBuilder()
            .socketFactory(sockets)
            .eventListener(
                new EventListener() {
                  @Override
                  public void connectionAcquired(Call call, Connection connection) {
                    if ("cancel".equals(call.request().tag(String.class))) call.cancel();
                  }
                })
            .build();
    Request cancelled =
        new Request.Builder().url(base.resolve("api/x")).tag(String.class, "cancel").build();
    assertThrows(IOException.class, () -> http.newCall(cancelled).execute());
    assertThat(http.connectionPool().idleConnectionCount())
        .as("the cancelled call's closed connection is pooled")
        .isEqualTo(1);
    return http;
  }

  /**
   * Runs {@code download} (on the calling thread: its downloader's IO scheduler is the trampoline)
   * and returns its error, or null when it completed; fails when it has not ended (waiting for a
   * retry's backoff).
   */
  static Throwable ended(Observable<?> download) {
    List<Notification<Integer>> end =
        download.ignoreElements().toSingleDefault(0).materialize().test().values();
    assertThat(end).as("the download ended, without waiting").hasSize(1);
    return end.get(0).getError();
  }

  private void assertSentOnAnotherConnection(
      Throwable failure, Path target, CodecCountingSockets sockets, OkHttpClient http)
      throws IOException {
    assertThat(failure).as("the download's failure").isNull();
    assertThat(Files.readAllBytes(target)).isEqualTo(VIDEO);
    assertThat(sockets.codecSetUpsOnFirst.get())
        .as("codec set-ups on the dead connection: the cancelled call's, then the download's one")
        .isEqualTo(2);
    assertThat(sockets.created.get())
        .as("the dead connection and the one the download was sent on")
        .isEqualTo(2);
    assertThat(server.requestsTo("/media/v.mp4")).hasSize(1);
    assertThat(http.connectionPool().connectionCount())
        .as("only the good connection is pooled")
        .isEqualTo(1);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // only a guard: the spin limit ends it first
  @DisplayName(
      "a download that takes a pooled connection closed before its first exchange is sent once on"
          + " another connection and completes, instead of OkHttp retrying on the dead one forever")
  void downloadOnDeadPooledConnection(@TempDir Path dir) throws IOException {
    CodecCountingSockets sockets = new CodecCountingSockets();
    OkHttpClient http = poisonedPool(base, sockets);
    Path target = dir.resolve("out.mp4");

    VideoDownloader downloader = new VideoDownloader(http, Schedulers.trampoline());

    Throwable failure =
        ended(downloader.download(Video.of(base.resolve("media/v.mp4").uri()), target));

    assertSentOnAnotherConnection(failure, target, sockets, http);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  @DisplayName(
      "a retrying downloader on a pool with a dead connection completes with one request and no"
          + " wait (the resend is below the downloader's own retries)")
  void retryingDownloaderOnDeadPooledConnection(@TempDir Path dir) throws IOException {
    CodecCountingSockets sockets = new CodecCountingSockets();
    OkHttpClient http = poisonedPool(base, sockets);
    Path target = dir.resolve("out.mp4");
    VideoDownloader downloader =
        new VideoDownloader(
            http, Schedulers.trampoline(), new TestScheduler(), PollingPolicy.defaults());

    Throwable failure =
        ended(downloader.download(Video.of(base.resolve("media/v.mp4").uri()), target));

    assertSentOnAnotherConnection(failure, target, sockets, http);
  }

  /**
   * Counts the codec set-ups ({@code RealConnection.newCodec} sets the socket's timeout) on the
   * first socket, and stops OkHttp's endless retry on it with an {@link AssertionError} (no {@code
   * IOException}, so nothing retries it) once it is plainly spinning.
   */
  static final class CodecCountingSockets extends OkHttpSocketFactory {
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger codecSetUpsOnFirst = new AtomicInteger();

    @Override
    public Socket createSocket() {
      boolean first = created.incrementAndGet() == 1;
      return new Socket() {
        @Override
        public void setSoTimeout(int timeout) throws SocketException {
          if (first && inRealConnection("newCodec")) {
            int n = codecSetUpsOnFirst.incrementAndGet();
            if (n > SPIN_LIMIT) {
              throw new AssertionError(
                  "OkHttp set up a codec on the same closed connection " + n + " times");
            }
          }
          super.setSoTimeout(timeout);
        }
      };
    }
  }
}
