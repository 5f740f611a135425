package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.TransportException;
import java.io.IOException;
import java.io.OutputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BodyLimitInterceptorTest {
  private static final int CAP = 4096;

  private LocalServer server;
  private OkHttpClient client;
  private HttpUrl base;

  @BeforeEach
  void start() throws Exception {
    server = LocalServer.start();
    server.handle("/fixed", ex -> send(ex, Integer.parseInt(ex.getRequestURI().getQuery()), true));
    server.handle(
        "/chunked", ex -> send(ex, Integer.parseInt(ex.getRequestURI().getQuery()), false));
    base = BaseUrls.require(server.url("/").toString());
    client = HttpClients.forProvider(null, base, AuthInterceptor.bearer(ApiKey.of("k"), base), CAP);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static void send(com.sun.net.httpserver.HttpExchange ex, int size, boolean fixed)
      throws IOException {
    ex.sendResponseHeaders(200, fixed ? size : 0); // 0 means chunked for the JDK server
    try (OutputStream out = ex.getResponseBody()) {
      out.write(new byte[size]);
    } catch (IOException clientGaveUp) {
      // expected when the client refuses the body
    }
  }

  private byte[] get(String pathAndQuery) throws IOException {
    try (Response r =
        client.newCall(new Request.Builder().url(base.resolve(pathAndQuery)).build()).execute()) {
      return r.body().bytes();
    }
  }

  @Test
  @DisplayName(
      "a body that trickles (a byte every 150 ms, never silent for a read timeout) fails as a"
          + " timed-out read at the body time bound, and the next call on the client works (issue"
          + " 25, fault 6)")
  void tricklingBodyBounded() throws Exception {
    server.handle(
        "/trickle",
        ex -> {
          ex.sendResponseHeaders(200, 100);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(150);
            }
          } catch (IOException | InterruptedException clientGaveUp) {
            // expected
          }
        });
    OkHttpClient bounded =
        HttpClients.forProvider(
            null,
            base,
            AuthInterceptor.bearer(ApiKey.of("k"), base),
            CAP,
            java.time.Duration.ofMillis(600));
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> {
              try (Response r =
                  bounded
                      .newCall(new Request.Builder().url(base.resolve("trickle")).build())
                      .execute()) {
                r.body().bytes();
              }
            })
        .isInstanceOf(java.io.InterruptedIOException.class);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(tookMillis)
        .as("ended near the 600 ms bound, not after the 15 s the body takes")
        .isBetween(500L, 2500L);
    try (Response r =
        bounded.newCall(new Request.Builder().url(base.resolve("fixed?10")).build()).execute()) {
      assertThat(r.body().bytes()).hasSize(10);
    }
    assertThat(HttpErrors.fromIOException("p", new java.net.SocketTimeoutException("timeout")))
        .as("what the engine sees: a transport failure it retries")
        .isInstanceOf(TransportException.class);
  }

  @Test
  @DisplayName("bodies up to the cap are read whole, with or without Content-Length")
  void upToCap() throws IOException {
    assertThat(get("fixed?" + CAP)).hasSize(CAP);
    assertThat(get("chunked?" + CAP)).hasSize(CAP);
  }

  @Test
  @DisplayName("a Content-Length over the cap fails before the body is read")
  void contentLengthTooBig() {
    assertThatThrownBy(() -> get("fixed?" + (CAP + 1)))
        .isInstanceOf(BodyLimitInterceptor.ResponseTooLargeException.class)
        .hasMessageContaining("announces " + (CAP + 1) + " bytes")
        .hasMessageContaining(CAP + "-byte limit");
  }

  @Test
  @DisplayName("a chunked body over the cap fails when the read passes the cap")
  void chunkedTooBig() {
    assertThatThrownBy(() -> get("chunked?" + (4 * CAP)))
        .isInstanceOf(BodyLimitInterceptor.ResponseTooLargeException.class)
        .hasMessageContaining("larger than the " + CAP + "-byte limit");
  }

  @Test
  @DisplayName("an oversized body becomes a TransportException whose request reached the server")
  void mappedToTransport() {
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class, () -> get("chunked?" + (4 * CAP)));
    TransportException t = HttpErrors.fromIOException("p", e);
    assertThat(t.requestMayHaveReachedServer()).isTrue();
    assertThat(t.getMessage()).contains("too large");
  }

  @Test
  @DisplayName("the cap must be positive")
  void positiveCap() {
    assertThatThrownBy(() -> new BodyLimitInterceptor(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
