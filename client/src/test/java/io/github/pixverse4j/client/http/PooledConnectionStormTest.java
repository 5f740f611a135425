package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pixverse4j.api.Video;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Socket is closed" storm of issue 27, driven deterministically: a call cancelled (an RxJava
 * stream disposed, a call timeout) at the instant it holds a connection but no exchange makes
 * OkHttp 3.14 close that connection's socket ({@code Transmitter.cancel} then cancels the
 * connection itself), and the connection goes back to the pool unmarked. A connection that never
 * completed an exchange skips OkHttp 3.14's health check, and a failure at {@code
 * RealConnection.newCodec} does not retire it, so every later call that takes it fails the same
 * way: the storm. The cancel is placed exactly in that window by an {@link EventListener}, on the
 * caller's thread: no timing, no sleeps.
 */
class PooledConnectionStormTest {
  private static final ApiKey KEY = ApiKey.of("sk-storm-secret-27");
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int LATER_CALLS = 20;

  private LocalServer server;
  private HttpUrl base;

  @BeforeEach
  void start() throws IOException {
    server = LocalServer.jsonApi();
    base = BaseUrls.require(server.url("/api/").toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Cancels the call tagged {@code "cancel"} when {@code event} happens to it. */
  private static EventListener cancelling(String event) {
    return new EventListener() {
      @Override
      public void connectionAcquired(Call call, Connection connection) {
        if (event.equals("connectionAcquired")) cancelIfTagged(call);
      }

      @Override
      public void responseBodyEnd(Call call, long byteCount) {
        if (event.equals("responseBodyEnd")) cancelIfTagged(call);
      }
    };
  }

  private static void cancelIfTagged(Call call) {
    if ("cancel".equals(call.request().tag(String.class))) call.cancel();
  }

  private Request status(String tag) {
    return new Request.Builder().url(base.resolve("tasks/1")).tag(String.class, tag).build();
  }

  private Request submit() {
    return new Request.Builder()
        .url(base.resolve("submit"))
        .post(RequestBody.create(JSON, "{\"prompt\":\"a cat\"}"))
        .build();
  }

  /** Status reads and submits, one after the other; what each one ended with. */
  private List<String> laterCalls(OkHttpClient provider) {
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < LATER_CALLS; i++) {
      Request r = i % 2 == 0 ? status("later") : submit();
      try (Response response = provider.newCall(r).execute()) {
        outcomes.add("HTTP " + response.code() + " " + response.body().string());
      } catch (IOException e) {
        outcomes.add(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    return outcomes;
  }

  @Test
  @DisplayName(
      "a call cancelled just as its new connection was acquired does not fail the calls after it"
          + " ('Socket is closed' storm of issue 27)")
  void cancelOnFreshConnection() {
    OkHttpClient http =
        HttpClients.newDefault()
            .newBuilder()
            .eventListener(cancelling("connectionAcquired"))
            .build();
    OkHttpClient provider = HttpClients.forProvider(http, base, AuthInterceptor.bearer(KEY, base));

    IOException cancelled =
        assertThrows(IOException.class, () -> provider.newCall(status("cancel")).execute());

    int pooledAfterCancel = http.connectionPool().connectionCount();
    List<String> later = laterCalls(provider);

    assertThat(later).as("every later call").allMatch(o -> o.startsWith("HTTP 200 "));
    assertThat(cancelled).isInstanceOf(RequestNotSentException.class);
    assertThat(cancelled.getCause()).isInstanceOf(SocketException.class);
    assertThat(pooledAfterCancel)
        .as("the cancelled call's connection, its socket closed by the cancel, left the pool")
        .isZero();
    assertThat(server.requestsTo("/api/tasks/1"))
        .as("the cancelled call sent nothing")
        .hasSize(LATER_CALLS / 2);
    assertThat(server.requestsTo("/api/submit")).hasSize(LATER_CALLS / 2);
  }

  @Test
  @DisplayName(
      "a pooled connection whose socket is closed but passes the health check (TLS over a closed"
          + " raw socket) is discarded and the call is sent once on a fresh connection")
  void cancelAfterBodyEndOnTlsLikeSocket() throws IOException {
    TlsLikeSockets sockets = new TlsLikeSockets();
    OkHttpClient http =
        HttpClients.newDefault()
            .newBuilder()
            .socketFactory(sockets)
            .eventListener(cancelling("responseBodyEnd"))
            .build();
    OkHttpClient provider = HttpClients.forProvider(http, base, AuthInterceptor.bearer(KEY, base));

    // The cancel lands after the answer was read: the call succeeds, its connection goes back to
    // the pool with its socket closed.
    try (Response r = provider.newCall(status("cancel")).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(http.connectionPool().idleConnectionCount()).isEqualTo(1);

    List<String> later = laterCalls(provider);

    assertThat(later).as("every later call").allMatch(o -> o.startsWith("HTTP 200 "));
    assertThat(sockets.created.get())
        .as("one new connection replaced the closed one, and it was kept")
        .isEqualTo(2);
    assertThat(server.requests).hasSize(1 + LATER_CALLS);
  }

  @Test
  @DisplayName(
      "a download cancelled just as its new connection was acquired leaves no closed connection"
          + " in the pool it shares with the provider clients")
  void downloadCancelledOnFreshConnection(@TempDir Path dir) {
    OkHttpClient http =
        HttpClients.newDefault()
            .newBuilder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void connectionAcquired(Call call, Connection connection) {
                    if (call.request().url().encodedPath().endsWith(".mp4")) call.cancel();
                  }
                })
            .build();
    VideoDownloader downloader = new VideoDownloader(http, Schedulers.trampoline());

    Throwable failure =
        downloader
            .download(Video.of(base.resolve("video.mp4").uri()), dir.resolve("out.mp4"))
            .ignoreElements()
            .toSingleDefault(0)
            .materialize()
            .blockingGet()
            .getError();

    assertThat(failure).as("the cancelled download failed").isNotNull();
    assertThat(server.requests).as("nothing was sent").isEmpty();
    assertThat(http.connectionPool().connectionCount())
        .as("its connection, closed by the cancel, left the pool")
        .isZero();
    OkHttpClient provider = HttpClients.forProvider(http, base, AuthInterceptor.bearer(KEY, base));
    assertThat(laterCalls(provider)).allMatch(o -> o.startsWith("HTTP 200 "));
  }

  /**
   * Sockets that, like a TLS socket layered over a raw socket that a cancel closed, still say they
   * are open to OkHttp's pool health check (OkHttp issue 5819, fixed only in OkHttp 4.6).
   */
  private static final class TlsLikeSockets extends OkHttpSocketFactory {
    final AtomicInteger created = new AtomicInteger();

    @Override
    public Socket createSocket() {
      created.incrementAndGet();
      return new Socket() {
        @Override
        public boolean isClosed() {
          return super.isClosed() && !inHealthCheck();
        }
      };
    }

    private static boolean inHealthCheck() {
      return inRealConnection("isHealthy");
    }
  }
}
