package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;

/**
 * OkHttp silently resends a request whose pooled connection failed. Reads may be resent; a submit
 * may not: once written it may have created a job. Each test first makes one good call so that
 * the connection is pooled, then the server reads the next request and closes the connection
 * without answering, as a server does whose keep-alive ran out.
 */
class ConnectionFailureResendTest {
  private static final ApiKey KEY = ApiKey.of("sk-resend-test");

  interface Api {
    @GET("status")
    Call<ResponseBody> status();

    @PUT("cancel")
    Call<ResponseBody> cancel();

    @POST("submit")
    Call<ResponseBody> submit(@Body RequestBody body);
  }

  /** What the server does with the next request it reads on any connection. */
  enum Action { ANSWER, DROP }

  private ServerSocket socket;
  private Thread acceptor;
  private final BlockingQueue<Action> script = new LinkedBlockingQueue<>();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private Api api;

  @BeforeEach
  void start() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "resend-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
    HttpUrl base = BaseUrls.require("http://127.0.0.1:" + socket.getLocalPort() + "/v1/");
    // A base client as users have it: OkHttp's default retryOnConnectionFailure(true).
    OkHttpClient userClient = HttpClients.newDefault();
    assertThat(userClient.retryOnConnectionFailure()).isTrue();
    OkHttpClient client = HttpClients.forProvider(userClient, base, AuthInterceptor.bearer(KEY, base));
    api = Retrofits.create(base, client).create(Api.class);
  }

  @AfterEach
  void stop() throws IOException {
    socket.close();
  }

  @Test
  @DisplayName("a status read whose pooled connection was closed is resent on a new connection and succeeds")
  void readResent() throws IOException {
    script.add(Action.ANSWER);
    script.add(Action.DROP);
    script.add(Action.ANSWER);
    try (ResponseBody first = api.status().execute().body()) {
      assertThat(first.string()).isEqualTo("ok");
    }
    try (ResponseBody second = api.status().execute().body()) {
      assertThat(second.string()).isEqualTo("ok");
    }
    assertThat(requestLines).containsExactly(
        "GET /v1/status HTTP/1.1", "GET /v1/status HTTP/1.1", "GET /v1/status HTTP/1.1");
  }

  @Test
  @DisplayName("a PUT (idempotent, such as a cancel) is resent too")
  void putResent() throws IOException {
    script.add(Action.ANSWER);
    script.add(Action.DROP);
    script.add(Action.ANSWER);
    api.status().execute().body().close();
    try (ResponseBody body = api.cancel().execute().body()) {
      assertThat(body.string()).isEqualTo("ok");
    }
    assertThat(requestLines).containsExactly(
        "GET /v1/status HTTP/1.1", "PUT /v1/cancel HTTP/1.1", "PUT /v1/cancel HTTP/1.1");
  }

  @Test
  @DisplayName("a submit (POST) whose connection failed after it was written is not resent: one request, an IOException")
  void submitNotResent() throws IOException {
    script.add(Action.ANSWER);
    script.add(Action.DROP);
    script.add(Action.ANSWER);
    api.status().execute().body().close();
    RequestBody json = RequestBody.create(MediaType.get("application/json"), "{\"prompt\":\"p\"}");
    assertThatThrownBy(() -> api.submit(json).execute()).isInstanceOf(IOException.class);
    assertThat(requestLines).containsExactly("GET /v1/status HTTP/1.1", "POST /v1/submit HTTP/1.1");
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException closed) {
        return;
      }
      Thread t = new Thread(() -> serve(s), "resend-test-connection");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try (Socket c = s; InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
      while (true) {
        String head = readHead(in);
        if (head == null) return;
        int length = contentLength(head);
        for (int i = 0; i < length; i++) {
          if (in.read() < 0) return;
        }
        requestLines.add(head.substring(0, head.indexOf("\r\n")));
        Action action = script.poll();
        if (action != Action.ANSWER) return; // closes the connection without an answer
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException ignored) {
      // The client went away; nothing to record.
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) return null;
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString("US-ASCII");
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }
}
