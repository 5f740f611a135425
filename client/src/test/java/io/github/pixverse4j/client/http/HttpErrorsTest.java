package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.VideoApiException;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.HttpException;
import retrofit2.http.GET;
import retrofit2.http.POST;

class HttpErrorsTest {
  private static final ApiKey KEY = ApiKey.of("sk-secret-key-777");

  @Nested
  @DisplayName("status mapping")
  class StatusMapping {
    static Stream<Arguments> table() {
      return Stream.of(
          Arguments.of(400, InvalidRequestException.class),
          Arguments.of(413, InvalidRequestException.class),
          Arguments.of(422, InvalidRequestException.class),
          Arguments.of(401, AuthenticationException.class),
          Arguments.of(403, AuthenticationException.class),
          Arguments.of(402, InsufficientCreditsException.class),
          Arguments.of(404, TaskNotFoundException.class),
          Arguments.of(410, TaskNotFoundException.class),
          Arguments.of(408, RateLimitedException.class),
          Arguments.of(425, RateLimitedException.class),
          Arguments.of(429, RateLimitedException.class),
          Arguments.of(500, ProviderUnavailableException.class),
          Arguments.of(502, ProviderUnavailableException.class),
          Arguments.of(503, ProviderUnavailableException.class),
          Arguments.of(504, ProviderUnavailableException.class),
          Arguments.of(418, VideoApiException.class),
          Arguments.of(302, VideoApiException.class));
    }

    @ParameterizedTest(name = "HTTP {0} becomes {1}")
    @MethodSource("table")
    void mapsStatus(int status, Class<? extends VideoApiException> type) {
      VideoApiException e =
          HttpErrors.fromResponse("gmi", status, Headers.of(), "body", "E42", null);
      assertThat(e).isExactlyInstanceOf(type);
      assertThat(e.providerId()).contains("gmi");
      assertThat(e.httpStatus()).contains(status);
      assertThat(e.providerCode()).contains("E42");
      assertThat(e.getMessage()).contains("HTTP " + status).contains("gmi");
    }

    @Test
    @DisplayName("a 429 carries Retry-After, readable with HttpErrors.retryAfter")
    void retryAfter429() {
      VideoApiException e =
          HttpErrors.fromResponse("gmi", 429, Headers.of("Retry-After", "7"), null, null, null);
      assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(7));
      assertThat(HttpErrors.retryAfter(e)).contains(Duration.ofSeconds(7));
      assertThat(HttpErrors.retryAfter(new RuntimeException(e))).contains(Duration.ofSeconds(7));
      assertThat(e.getMessage()).contains("rate-limit");
    }

    @Test
    @DisplayName("a 429 without Retry-After has no wait")
    void noRetryAfter() {
      VideoApiException e = HttpErrors.fromResponse("gmi", 429, null, null, null, null);
      assertThat(HttpErrors.retryAfter(e)).isEmpty();
    }

    @Test
    @DisplayName("a 503 with Retry-After means the provider asked us to wait: RateLimitedException")
    void serviceUnavailableWithRetryAfter() {
      VideoApiException e =
          HttpErrors.fromResponse("gmi", 503, Headers.of("Retry-After", "30"), null, null, null);
      assertThat(e).isExactlyInstanceOf(RateLimitedException.class);
      assertThat(HttpErrors.retryAfter(e)).contains(Duration.ofSeconds(30));
      assertThat(e.httpStatus()).contains(503);
    }

    @Test
    @DisplayName("a 503 with an unreadable Retry-After stays ProviderUnavailableException")
    void serviceUnavailableGarbageRetryAfter() {
      VideoApiException e =
          HttpErrors.fromResponse("gmi", 503, Headers.of("Retry-After", "later"), null, null, null);
      assertThat(e).isExactlyInstanceOf(ProviderUnavailableException.class);
      assertThat(HttpErrors.retryAfter(e)).isEmpty();
    }

    @Test
    @DisplayName("401 and 403 say to check the key and never echo it, even when the provider did")
    void authMessages() {
      for (int status : new int[] {401, 403}) {
        VideoApiException e =
            HttpErrors.fromResponse(
                "v3", status, null, null, "INVALID_API_KEY", "bad key " + KEY.reveal(), KEY);
        assertThat(e.getMessage()).contains("key").doesNotContain(KEY.reveal()).contains("****");
      }
    }

    @Test
    @DisplayName(
        "an answer that says the account cannot pay is InsufficientCreditsException whatever its"
            + " status; 429 and plain auth failures are not")
    void moneyFirst() {
      assertThat(
              HttpErrors.fromResponse(
                  "odirouter",
                  403,
                  null,
                  "{\"detail\":\"User is locked. Reason: Exhausted balance.\"}",
                  null,
                  null))
          .isExactlyInstanceOf(InsufficientCreditsException.class);
      assertThat(HttpErrors.fromResponse("v3", 400, null, null, "BILLING_BALANCE_NOT_ENOUGH", "x"))
          .isExactlyInstanceOf(InsufficientCreditsException.class);
      assertThat(HttpErrors.fromResponse("gmi", 401, null, null, null, "Insufficient credits"))
          .isExactlyInstanceOf(InsufficientCreditsException.class);
      assertThat(HttpErrors.fromResponse("gmi", 403, null, "{\"error\":\"forbidden\"}", null, null))
          .isExactlyInstanceOf(AuthenticationException.class);
      assertThat(
              HttpErrors.fromResponse(
                  "gmi", 429, null, null, null, "insufficient balance for burst"))
          .isExactlyInstanceOf(RateLimitedException.class);
    }

    @Test
    @DisplayName(
        "a body that is not JSON at all (HTML, empty, cut off, also inside a field) is unreadable;"
            + " JSON of the wrong shape is not")
    void unreadable() {
      com.fasterxml.jackson.databind.ObjectMapper m =
          new com.fasterxml.jackson.databind.ObjectMapper();
      for (String body :
          new String[] {"<html>502</html>", "", "{\"status\":\"IN_PROG", "{\"status\":"}) {
        Exception parse =
            org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> m.readValue(body, Shape.class), Exception.class);
        assertThat(HttpErrors.fromJsonError("p", parse, null, null).unreadable()).as(body).isTrue();
      }
      Exception shape =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              () -> m.readValue("{\"status\":[1,2]}", Shape.class), Exception.class);
      assertThat(HttpErrors.fromJsonError("p", shape, null, null).unreadable()).isFalse();
    }

    @Test
    @DisplayName(
        "a provider message is preferred over the body snippet; an invalid request has no"
            + " violations")
    void providerMessageFirst() {
      VideoApiException e =
          HttpErrors.fromResponse(
              "v3", 400, null, "{\"raw\":1}", "ILLEGAL_PROMPT", "prompt rejected");
      assertThat(e.getMessage()).contains("prompt rejected").doesNotContain("raw");
      assertThat(((InvalidRequestException) e).violations()).isEmpty();
      assertThat(e.providerCode()).contains("ILLEGAL_PROMPT");
    }
  }

  @Nested
  @DisplayName("snippets")
  class Snippets {
    @Test
    @DisplayName("are cut to 300 characters")
    void truncated() {
      String s = HttpErrors.snippet("x".repeat(10_000), null);
      assertThat(s).hasSizeLessThanOrEqualTo(HttpErrors.MAX_SNIPPET_CHARS).endsWith("…");
      assertThat(HttpErrors.snippet("short", null)).isEqualTo("short");
    }

    @Test
    @DisplayName(
        "have every occurrence of the key replaced, also across a line break or at the cut")
    void scrubbed() {
      String body =
          "key=" + KEY.reveal() + "\nagain " + KEY.reveal() + " split sk-secret-\r\nkey-777";
      String s = HttpErrors.snippet(body, KEY);
      assertThat(s).doesNotContain(KEY.reveal()).doesNotContain("sk-secret").contains("****");
      // A key straddling the 300-character cut must not leave a prefix behind.
      String straddling = "y".repeat(290) + KEY.reveal();
      assertThat(HttpErrors.snippet(straddling, KEY)).doesNotContain("sk-secret");
    }

    @Test
    @DisplayName("have control and formatting characters removed")
    void controlCharsRemoved() {
      String s = HttpErrors.snippet("a\u0000b\r\n\tc\u001b[31m\u202Ed\u2028e", null);
      assertThat(s).isEqualTo("a b c [31m d e");
      assertThat(s.chars()).noneMatch(Character::isISOControl);
    }

    @Test
    @DisplayName("of a response body do not consume it")
    void bodyNotConsumed() throws IOException {
      ResponseBody body =
          ResponseBody.create(
              MediaType.get("application/json"), "{\"error\":\"" + KEY.reveal() + "\"}");
      assertThat(HttpErrors.snippet(body, KEY)).isEqualTo("{\"error\":\"****\"}");
      assertThat(body.string()).contains(KEY.reveal());
    }

    @Test
    @DisplayName("of bytes read them as UTF-8")
    void bytes() {
      assertThat(
              HttpErrors.snippet("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), null))
          .isEqualTo("héllo");
    }
  }

  @Nested
  @DisplayName("transport failures")
  class Transport {
    private OkHttpClient client(Duration readTimeout) {
      return HttpClients.newDefault(HttpClients.Options.builder().readTimeout(readTimeout).build());
    }

    private IOException failure(OkHttpClient c, HttpUrl url) {
      return org.junit.jupiter.api.Assertions.assertThrows(
          IOException.class, () -> c.newCall(new Request.Builder().url(url).build()).execute());
    }

    @Test
    @DisplayName("a refused connection provably did not reach the server")
    void refused() throws IOException {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      IOException io =
          failure(client(Duration.ofSeconds(5)), HttpUrl.get("http://127.0.0.1:" + port + "/"));
      TransportException e = HttpErrors.fromIOException("gmi", io);
      assertThat(e.requestMayHaveReachedServer()).isFalse();
      assertThat(e.getMessage()).contains("not sent").contains("gmi");
      assertThat(e.getCause()).isSameAs(io);
    }

    @Test
    @DisplayName("an unknown host provably did not reach the server")
    void unknownHost() {
      TransportException e =
          HttpErrors.fromIOException("gmi", new UnknownHostException("api.invalid"));
      assertThat(e.requestMayHaveReachedServer()).isFalse();
    }

    @Test
    @DisplayName("a read timeout may have reached the server")
    void timeout() throws IOException {
      // The kernel accepts the connection into the backlog; nobody ever answers.
      try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        IOException io =
            failure(
                client(Duration.ofMillis(200)),
                HttpUrl.get("http://127.0.0.1:" + silent.getLocalPort() + "/"));
        TransportException e = HttpErrors.fromIOException("gmi", io);
        assertThat(e.requestMayHaveReachedServer()).isTrue();
        assertThat(e.getMessage()).contains("Timed out");
      }
    }

    @Test
    @DisplayName("a connection reset after the request was read may have reached the server")
    void reset() throws Exception {
      try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        Thread t =
            new Thread(
                () -> {
                  // Reset every connection once its request head has arrived (OkHttp may retry
                  // once).
                  while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                      InputStream in = s.getInputStream();
                      int matched = 0;
                      byte[] end = "\r\n\r\n".getBytes();
                      int b;
                      while (matched < 4 && (b = in.read()) != -1) {
                        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                      }
                      s.setSoLinger(true, 0);
                    } catch (IOException closed) {
                      return;
                    }
                  }
                });
        t.setDaemon(true);
        t.start();
        IOException io =
            failure(
                client(Duration.ofSeconds(5)),
                HttpUrl.get("http://127.0.0.1:" + server.getLocalPort() + "/"));
        TransportException e = HttpErrors.fromIOException("gmi", io);
        assertThat(e.requestMayHaveReachedServer()).isTrue();
        assertThat(e.getMessage()).contains("may have reached");
      }
    }
  }

  static final class Thing {
    public String id;
    public long count;
  }

  interface TestApi {
    @GET("thing")
    Single<Thing> thing();

    @POST("act")
    Completable act();
  }

  @Nested
  @DisplayName("the shared mapping on a Retrofit call (ErrorMappingCallAdapterFactory)")
  class OnARetrofitCall {
    private LocalServer server;
    private HttpUrl base;
    private TestApi api;
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);

    @BeforeEach
    void start() throws IOException {
      server = LocalServer.start();
      server.handle(
          "/",
          ex -> {
            LocalServer.drain(ex);
            ex.getResponseHeaders().set("Retry-After", "3");
            LocalServer.respond(ex, status.get(), "application/json", answer.get());
          });
      base = BaseUrls.require(server.url("/api").toString());
      api = api(ErrorMappingCallAdapterFactory.create("gmi", http -> null, KEY));
    }

    private TestApi api(ErrorMappingCallAdapterFactory errors) {
      return errors
          .retrofit(base, HttpClients.forProvider(null, base, AuthInterceptor.bearer(KEY, base)))
          .create(TestApi.class);
    }

    @AfterEach
    void stop() {
      server.close();
    }

    private Throwable error(Single<?> single) {
      return single.timeout(10, TimeUnit.SECONDS).materialize().blockingGet().getError();
    }

    @Test
    @DisplayName("a successful answer passes through, with numbers and strings coerced")
    void success() {
      answer.set("{\"id\":5,\"count\":\"6\",\"extra\":true}");
      Thing t = api.thing().blockingGet();
      assertThat(t.id).isEqualTo("5");
      assertThat(t.count).isEqualTo(6);
    }

    @Test
    @DisplayName("a 5xx becomes ProviderUnavailableException with a scrubbed snippet")
    void serverError() {
      status.set(500);
      answer.set("{\"error\":\"upstream failed for key " + KEY.reveal() + "\"}");
      Throwable e = error(api.thing());
      assertThat(e).isExactlyInstanceOf(ProviderUnavailableException.class);
      assertThat(e.getMessage()).contains("upstream failed").doesNotContain(KEY.reveal());
      assertThat(((VideoApiException) e).httpStatus()).contains(500);
    }

    @Test
    @DisplayName("a 429 becomes RateLimitedException with the server's Retry-After")
    void rateLimited() {
      status.set(429);
      answer.set("{}");
      Throwable e = error(api.thing());
      assertThat(HttpErrors.retryAfter(e)).contains(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("malformed JSON becomes MalformedResponseException")
    void malformedJson() {
      answer.set("{\"id\": nope");
      Throwable e = error(api.thing());
      assertThat(e).isExactlyInstanceOf(MalformedResponseException.class);
      assertThat(e.getCause()).isInstanceOf(JsonParseException.class);
    }

    @Test
    @DisplayName("JSON of the wrong shape becomes MalformedResponseException")
    void wrongShape() {
      answer.set("{\"count\":{\"nested\":1}}");
      assertThat(error(api.thing())).isExactlyInstanceOf(MalformedResponseException.class);
    }

    @Test
    @DisplayName(
        "a refused connection becomes a TransportException that provably did not reach the server")
    void refusedConnection() {
      server.close();
      Throwable e = error(api.thing());
      assertThat(e).isExactlyInstanceOf(TransportException.class);
      assertThat(((TransportException) e).requestMayHaveReachedServer()).isFalse();
    }

    @Test
    @DisplayName("a Completable is mapped the same way")
    void completable() {
      status.set(402);
      answer.set("{\"message\":\"no money\"}");
      Throwable e = api.act().timeout(10, TimeUnit.SECONDS).materialize().blockingGet().getError();
      assertThat(e).isExactlyInstanceOf(InsufficientCreditsException.class);
      assertThat(e.getMessage()).contains("no money");
    }

    @Test
    @DisplayName("a provider mapper can read the error body and still fall back to the default")
    void customMapperFallsBack() {
      status.set(400);
      answer.set("{\"reason\":\"ILLEGAL_PROMPT\",\"message\":\"nope\"}");
      AtomicReference<String> seen = new AtomicReference<>();
      Throwable e =
          api(ErrorMappingCallAdapterFactory.create(
                  "v3",
                  http -> {
                    seen.set(HttpErrors.errorBody(http));
                    return null; // use the default
                  },
                  KEY))
              .thing()
              .timeout(10, TimeUnit.SECONDS)
              .materialize()
              .blockingGet()
              .getError();
      assertThat(seen.get()).contains("ILLEGAL_PROMPT");
      assertThat(e).isExactlyInstanceOf(InvalidRequestException.class);
      assertThat(e.getMessage()).contains("ILLEGAL_PROMPT"); // the body was not consumed
    }

    @Test
    @DisplayName("a VideoApiException passes through unchanged")
    void passThrough() {
      VideoApiException original = new VideoApiException("mine", ErrorDetails.provider("x"));
      Throwable e = ErrorMappingCallAdapterFactory.create("gmi", http -> null, KEY).map(original);
      assertThat(e).isSameAs(original);
    }

    @Test
    @DisplayName("the call runs on OkHttp's dispatcher, not on the subscribing thread")
    void asynchronous() {
      answer.set("{\"id\":\"a\"}");
      AtomicReference<Thread> thread = new AtomicReference<>();
      api.thing().doOnSuccess(t -> thread.set(Thread.currentThread())).blockingGet();
      assertThat(thread.get()).isNotSameAs(Thread.currentThread());
      // OkHttp renames dispatcher threads while a call runs, so check the thread kind, not its
      // name.
      assertThat(thread.get().isDaemon()).as("runs on the daemon dispatcher pool").isTrue();
    }
  }

  @Test
  @DisplayName("fromJsonError keeps the cause and a safe snippet")
  void fromJsonError() {
    MalformedResponseException e =
        HttpErrors.fromJsonError(
            "gmi", new JsonParseException(null, "Unexpected character"), "<html>\n oops", null);
    assertThat(e.getMessage()).contains("Unexpected character").contains("<html> oops");
    assertThat(e.providerId()).contains("gmi");
  }

  @Test
  @DisplayName("fromHttpException reads Retrofit's error response")
  void fromHttpException() {
    retrofit2.Response<Object> r =
        retrofit2.Response.error(
            ResponseBody.create(MediaType.get("text/plain"), "gone " + KEY.reveal()),
            new okhttp3.Response.Builder()
                .request(new Request.Builder().url("https://api.example.com/x").build())
                .protocol(okhttp3.Protocol.HTTP_1_1)
                .code(404)
                .message("Not Found")
                .build());
    VideoApiException e = HttpErrors.fromHttpException("gmi", new HttpException(r), KEY);
    assertThat(e).isExactlyInstanceOf(TaskNotFoundException.class);
    assertThat(e.getMessage()).contains("gone ****");
    assertThat(Optional.of(e).flatMap(VideoApiException::httpStatus)).contains(404);
    assertThatThrownBy(() -> HttpErrors.fromHttpException(null, new HttpException(r), KEY))
        .hasMessage("providerId == null");
  }

  /** A wire type with one field, for parser errors inside a property. */
  static final class Shape {
    public String status;
  }
}
