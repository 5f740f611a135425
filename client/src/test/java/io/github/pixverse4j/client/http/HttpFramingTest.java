package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.client.internal.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 25, faults 3 and 7, for API calls: a raw host answers each connection with one script. */
class HttpFramingTest {
  private static final String OK =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

  private ServerSocket server;
  private final List<String> answers = new CopyOnWriteArrayList<>();
  private OkHttpClient client;
  private HttpUrl base;
  private Thread thread;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "framing-host");
    thread.setDaemon(true);
    thread.start();
    base = BaseUrls.require("http://127.0.0.1:" + server.getLocalPort() + "/");
    client =
        HttpClients.forProvider(
            HttpClients.newDefault(), base, AuthInterceptor.bearer(ApiKey.of("k"), base));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        // Keep-alive: answer every request on this connection with the next script.
        while (readHead(in)) {
          String a = answers.isEmpty() ? OK : answers.remove(0);
          out.write(a.getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (IOException closed) {
        // next connection
      }
    }
  }

  private static boolean readHead(InputStream in) throws IOException {
    return VideoDownloaderRetryTest.readHead(in).endsWith("\r\n\r\n");
  }

  private String get() throws IOException {
    try (Response r =
        client.newCall(new Request.Builder().url(base.resolve("status")).build()).execute()) {
      return r.code() + " " + r.body().string();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n" + OK,
        "HTTP/1.1 102 Processing\r\n\r\n" + OK,
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n" + OK,
        "HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: 2\r\n"
            + "Content-Length: 5\r\n\r\n"
            + "{}",
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2, 5\r\n\r\n{}"
      })
  @DisplayName(
      "interim 1xx answers and conflicting Content-Length values fail the call as a"
          + " ProtocolException (a retried read for the engine), never as the answer, and the next"
          + " call works (issue 25, faults 3, 7)")
  void refusedAndRecovered(String answer) throws IOException {
    answers.add(answer);
    assertThatThrownBy(this::get).isInstanceOf(ProtocolException.class);
    assertThat(get()).as("the next call, on a fresh connection").isEqualTo("200 {}");
    TransportException mapped =
        HttpErrors.fromIOException("p", new HttpFraming.UntrustedFramingException("x"));
    assertThat(Failures.isTransient(mapped)).as("the engine retries it").isTrue();
    assertThat(mapped.requestMayHaveReachedServer()).as("a submit's outcome is unknown").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: 2\r\n"
            + "Content-Length: 2\r\n\r\n"
            + "{}"
      })
  @DisplayName("repeated equal Content-Length values are harmless")
  void equalLengthsAccepted(String answer) throws IOException {
    answers.add(answer);
    assertThat(get()).isEqualTo("200 {}");
  }
}
