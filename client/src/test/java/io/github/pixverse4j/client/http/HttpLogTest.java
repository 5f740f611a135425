package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.internal.HttpLog;
import io.github.pixverse4j.client.internal.Retrying;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpLogTest {
  private static final String SECRET = "sk-log-credential-4711";
  private static final ApiKey KEY = ApiKey.of(SECRET);

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private LocalServer server;
  private HttpUrl base;
  private OkHttpClient logged;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = LocalServer.start();
    base = BaseUrls.require("http://127.0.0.1:" + server.port() + "/v1");
    logged = HttpLog.install(HttpClients.newDefault(), lines::add, KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int call(OkHttpClient client, HttpUrl url) throws Exception {
    try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return r.code();
    }
  }

  static Stream<Arguments> authStyles() {
    return Stream.of(
        Arguments.of("Authorization: Bearer", "Authorization"),
        Arguments.of("Authorization: Key", "Authorization"),
        Arguments.of("API-KEY header", "API-KEY"));
  }

  private AuthInterceptor auth(String style) {
    switch (style) {
      case "Authorization: Bearer":
        return AuthInterceptor.bearer(KEY, base);
      case "Authorization: Key":
        return AuthInterceptor.authorization("Key", KEY, base);
      default:
        return AuthInterceptor.header("API-KEY", KEY, base);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authStyles")
  @DisplayName(
      "one line per exchange: method, URL without query values, status, duration; the key of every"
          + " provider's auth style is in no line")
  void oneLineNoKey(String style, String header) throws Exception {
    server.handle("/v1/", ex -> LocalServer.respond(ex, 202, "application/json", "{}"));
    OkHttpClient provider = HttpClients.forProvider(logged, base, auth(style));

    call(provider, base.resolve("tasks/abc?task=abc&token=" + SECRET));
    call(provider, base.resolve("echo/" + SECRET));

    assertThat(server.requests.get(0).header(header)).as("the key was sent").contains(SECRET);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .matches(
            "GET http://127\\.0\\.0\\.1:"
                + server.port()
                + "/v1/tasks/abc\\?task=…&token=… -> 202 in \\d+ ms");
    assertThat(lines.get(1)).startsWith("GET http://127.0.0.1:" + server.port() + "/v1/echo/");
    assertThat(String.join("\n", lines)).doesNotContain(SECRET);
  }

  @Test
  @DisplayName("a call without an answer is logged with the exception's class")
  void noAnswer() throws Exception {
    HttpUrl closed = HttpUrl.get("http://127.0.0.1:" + server.port() + "/gone");
    server.close();
    try {
      call(logged, closed);
    } catch (java.io.IOException expected) {
      // logged below
    }
    assertThat(lines).singleElement().asString().contains("/gone -> failed (ConnectException)");
  }

  @Test
  @DisplayName(
      "a signed download URL is logged without its query values, and a retried download with its"
          + " attempt")
  void signedDownload() throws Exception {
    byte[] video = new byte[4096];
    System.arraycopy(MediaContainerTest.MP4_HEAD, 0, video, 0, MediaContainerTest.MP4_HEAD.length);
    AtomicInteger served = new AtomicInteger();
    server.handle(
        "/media/",
        ex -> {
          if (served.incrementAndGet() == 1) {
            LocalServer.respond(ex, 503, "text/plain", "busy");
            return;
          }
          ex.getResponseHeaders().set("Content-Type", "video/mp4");
          ex.sendResponseHeaders(200, video.length);
          ex.getResponseBody().write(video);
        });
    HttpUrl signed =
        server
            .url("/media/clip.mp4")
            .newBuilder()
            .addQueryParameter("X-Amz-Signature", "topsecret-signature")
            .addQueryParameter("X-Amz-Credential", "AKIDEXAMPLE/20261205")
            .build();
    TestScheduler time = new TestScheduler();
    VideoDownloader downloader =
        new VideoDownloader(
            logged,
            Schedulers.trampoline(),
            time,
            PollingPolicy.builder().retryDelay(Duration.ofSeconds(1)).jitter(0).build());

    TestObserver<?> obs = downloader.download(Video.of(signed.uri()), dir.resolve("v.mp4")).test();
    time.advanceTimeBy(2, TimeUnit.SECONDS);
    obs.assertComplete();

    String prefix = "GET http://127.0.0.1:" + server.port() + "/media/clip.mp4";
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(prefix + "?X-Amz-Signature=…&X-Amz-Credential=… -> 503 in ")
        .doesNotContain("attempt");
    assertThat(lines.get(1)).startsWith(prefix).contains("-> 200 in ").endsWith(" (attempt 2)");
    assertThat(String.join("\n", lines)).doesNotContain("topsecret").doesNotContain("AKID");
  }

  @Test
  @DisplayName("a call the engine retries is numbered: attempt 2, 3, ...")
  void retriedCall() {
    AtomicInteger served = new AtomicInteger();
    server.handle(
        "/v1/status",
        ex -> LocalServer.respond(ex, served.incrementAndGet() < 3 ? 502 : 200, "text/plain", "x"));
    TestScheduler time = new TestScheduler();
    Single<Integer> read =
        Single.fromCallable(
            () -> {
              int code = call(logged, base.resolve("status"));
              if (code != 200) throw new IllegalStateException("HTTP " + code);
              return code;
            });
    TestObserver<Integer> obs =
        Retrying.single(
                () -> read,
                e -> true,
                PollingPolicy.builder().retryDelay(Duration.ofSeconds(1)).jitter(0).build(),
                time)
            .test();
    time.advanceTimeBy(10, TimeUnit.SECONDS);
    obs.assertValue(200);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).doesNotContain("attempt");
    assertThat(lines.get(1)).contains("-> 502 ").endsWith("(attempt 2)");
    assertThat(lines.get(2)).contains("-> 200 ").endsWith("(attempt 3)");
  }
}
