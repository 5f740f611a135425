package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.client.internal.Failures;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import retrofit2.http.Body;
import retrofit2.http.POST;

/**
 * Whether a failed call's request reached the wire, as clients from {@link HttpClients#forProvider}
 * report it: {@link RequestNotSentException} exactly when no byte of the request was written.
 */
class RequestNotSentTest {
  private static final ApiKey KEY = ApiKey.of("sk-unsent-secret-7");
  private static final MediaType JSON = MediaType.get("application/json");

  private LocalServer server;
  private final ClosingSockets sockets = new ClosingSockets();
  private HttpUrl base;
  private OkHttpClient client;

  interface Api {
    @POST("submit")
    Single<Thing> submit(@Body Thing thing);
  }

  static final class Thing {
    public String id;
  }

  @BeforeEach
  void start() throws IOException {
    server = LocalServer.jsonApi();
    base = BaseUrls.require(server.url("/api/").toString());
    client =
        providerClient(HttpClients.newDefault().newBuilder().socketFactory(sockets).build(), base);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static OkHttpClient providerClient(OkHttpClient base, HttpUrl url) {
    return HttpClients.forProvider(base, url, AuthInterceptor.bearer(KEY, url));
  }

  private static Request submit(HttpUrl base) {
    return new Request.Builder()
        .url(base.resolve("submit"))
        .post(RequestBody.create(JSON, "{\"prompt\":\"a cat\"}"))
        .build();
  }

  private static boolean thrownInNewCodec(Throwable t) {
    for (StackTraceElement f : t.getStackTrace()) {
      if (f.getClassName().equals("okhttp3.internal.connection.RealConnection")
          && f.getMethodName().equals("newCodec")) {
        return true;
      }
    }
    return false;
  }

  private void warmUp() throws IOException {
    try (Response r =
        client.newCall(new Request.Builder().url(base.resolve("status")).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a pooled connection found closed while OkHttp sets it up ('Socket is closed' at newCodec)"
          + " is discarded and the submit is sent once on a fresh connection")
  void pooledConnectionClosedIsReplaced() throws IOException {
    warmUp();
    sockets.armOnce();

    try (Response r = client.newCall(submit(base)).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }

    assertThat(sockets.fired()).as("the armed socket closed itself").isEqualTo(1);
    assertThat(sockets.created()).as("the pooled connection, then a fresh one").isEqualTo(2);
    assertThat(server.requestsTo("/api/submit")).as("received once").hasSize(1);
    assertThat(client.connectionPool().connectionCount())
        .as("the closed connection left the pool; the fresh one stays")
        .isEqualTo(1);
  }

  @Test
  @DisplayName(
      "when the fresh connection is found closed too, the submit fails as not sent, and nothing"
          + " reached the server")
  void pooledConnectionClosedBeforeWriting() throws IOException {
    warmUp();
    sockets.arm(2);

    IOException io = assertThrows(IOException.class, () -> client.newCall(submit(base)).execute());

    assertThat(sockets.fired()).as("both armed sockets closed themselves").isEqualTo(2);
    assertThat(sockets.created())
        .as("the submit took the pooled connection, then one fresh connection")
        .isEqualTo(2);
    assertThat(io).isInstanceOf(RequestNotSentException.class);
    assertThat(io.getCause()).isInstanceOf(SocketException.class).hasMessage("Socket is closed");
    assertThat(thrownInNewCodec(io.getCause())).as("thrown at RealConnection.newCodec").isTrue();
    assertThat(io.getCause().getSuppressed())
        .as("the first attempt's failure")
        .singleElement()
        .satisfies(first -> assertThat(first).hasMessage("Socket is closed"));
    assertThat(client.connectionPool().connectionCount())
        .as("neither closed connection stays in the pool")
        .isZero();
    assertThat(server.requestsTo("/api/submit")).isEmpty();

    TransportException e = HttpErrors.fromIOException("acme", io);
    assertThat(e.requestMayHaveReachedServer()).isFalse();
    assertThat(e.getMessage())
        .contains("before the request was sent")
        .contains("Socket is closed")
        .contains("nothing was sent");
    assertThat(e.getCause()).isSameAs(io);
    assertThat(Failures.oneLine(e)).isEqualTo("connection failed before sending (SocketException)");
    assertThat(Failures.submitProvablyNotAccepted(e)).isTrue();
    assertThat(Failures.forSubmit(e, "acme")).isSameAs(e);

    try (Response r = client.newCall(submit(base)).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(server.requestsTo("/api/submit"))
        .as("sent again, it reached the server once")
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "through Retrofit and the shared error mapping, such a submit is a TransportException that"
          + " provably did not reach the server")
  void throughRetrofit() {
    Api api =
        ErrorMappingCallAdapterFactory.create("acme", e -> null, KEY)
            .retrofit(base, client)
            .create(Api.class);
    sockets.arm(2);

    Throwable e =
        api.submit(new Thing())
            .timeout(10, TimeUnit.SECONDS)
            .materialize()
            .blockingGet()
            .getError();

    assertThat(sockets.fired()).isEqualTo(2);
    assertThat(e).isExactlyInstanceOf(TransportException.class);
    assertThat(((TransportException) e).requestMayHaveReachedServer()).isFalse();
    assertThat(e.getCause()).isInstanceOf(RequestNotSentException.class);
    assertThat(server.requestsTo("/api/submit")).isEmpty();
  }

  @Test
  @DisplayName("a refused connection keeps its own reason and cause")
  void refusedUnchanged() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    HttpUrl closed = HttpUrl.get("http://127.0.0.1:" + port + "/api/");
    IOException io =
        assertThrows(
            IOException.class,
            () ->
                providerClient(HttpClients.newDefault(), closed).newCall(submit(closed)).execute());

    TransportException e = HttpErrors.fromIOException("acme", io);
    assertThat(e.requestMayHaveReachedServer()).isFalse();
    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
    assertThat(Failures.oneLine(e)).isEqualTo("connection refused");
    assertThat(e.getMessage())
        .as("issue 24 #9: no OkHttp wording, no repeated provider")
        .isEqualTo(
            "Could not connect to provider acme at 127.0.0.1:"
                + port
                + " (connection refused); the request was not sent");
  }

  @Test
  @DisplayName("a connection that dies after the submit was written may have reached the server")
  void diesAfterWriting() throws Exception {
    try (ResettingServer rst = new ResettingServer()) {
      HttpUrl url = rst.url();
      IOException io =
          assertThrows(
              IOException.class,
              () -> providerClient(HttpClients.newDefault(), url).newCall(submit(url)).execute());

      assertThat(rst.requestsRead()).as("the server read the whole submit").isEqualTo(1);
      assertThat(io).isNotInstanceOf(RequestNotSentException.class);
      TransportException e = HttpErrors.fromIOException("acme", io);
      assertThat(e.requestMayHaveReachedServer()).isTrue();
      assertThat(Failures.submitProvablyNotAccepted(e)).isFalse();
    }
  }

  @Test
  @DisplayName(
      "an attempt that reached the wire is not forgotten when a later attempt of the same call"
          + " fails before writing")
  void earlierAttemptOfTheCallCounts() throws Exception {
    try (ResettingServer rst = new ResettingServer()) {
      HttpUrl url = rst.url();
      // An application's own retry interceptor: it proceeds again within the same call.
      OkHttpClient appBase =
          HttpClients.newDefault()
              .newBuilder()
              .socketFactory(sockets)
              .addInterceptor(
                  chain -> {
                    try {
                      return chain.proceed(chain.request());
                    } catch (IOException first) {
                      sockets.armOnce();
                      return chain.proceed(chain.request());
                    }
                  })
              .build();
      IOException io =
          assertThrows(
              IOException.class, () -> providerClient(appBase, url).newCall(submit(url)).execute());

      assertThat(rst.requestsRead()).isEqualTo(1);
      assertThat(sockets.fired()).as("the second attempt failed before writing").isEqualTo(1);
      assertThat(io).isNotInstanceOf(RequestNotSentException.class);
      assertThat(HttpErrors.fromIOException("acme", io).requestMayHaveReachedServer()).isTrue();
    }
  }

  /** Reads each request (head and Content-Length body) completely, then resets the connection. */
  private static final class ResettingServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger read = new AtomicInteger();
    private final Thread thread;

    ResettingServer() throws IOException {
      thread = new Thread(this::serve, "resetting-server");
      thread.setDaemon(true);
      thread.start();
    }

    HttpUrl url() {
      return HttpUrl.get("http://127.0.0.1:" + socket.getLocalPort() + "/api/");
    }

    int requestsRead() {
      return read.get();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket s = socket.accept()) {
          InputStream in = s.getInputStream();
          StringBuilder head = new StringBuilder();
          int b;
          while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) != -1) {
            head.append((char) b);
          }
          int length = 0;
          for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
              length = Integer.parseInt(line.substring(15).trim());
            }
          }
          byte[] body = in.readNBytes(length);
          if (new String(body, StandardCharsets.UTF_8).contains("a cat")) read.incrementAndGet();
          s.setSoLinger(true, 0);
        } catch (IOException closed) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
