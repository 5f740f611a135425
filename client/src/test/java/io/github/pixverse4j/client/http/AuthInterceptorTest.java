package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuthInterceptorTest {
  private static final ApiKey KEY = ApiKey.of("sk-test-credential-42");

  private LocalServer api;
  private LocalServer other;
  private HttpUrl base;

  @BeforeEach
  void start() throws Exception {
    api = LocalServer.start();
    other = LocalServer.start(); // same host 127.0.0.1, different port: a different origin
    base = BaseUrls.require("http://127.0.0.1:" + api.port() + "/v1");
    other.handle("/", ex -> LocalServer.respond(ex, 200, "text/plain", "other"));
    api.handle("/v1/ok", ex -> LocalServer.respond(ex, 200, "text/plain", "ok"));
    api.handle(
        "/v1/away",
        ex -> {
          ex.getResponseHeaders().set("Location", other.url("/landing").toString());
          ex.sendResponseHeaders(302, -1);
        });
    api.handle(
        "/v1/moved",
        ex -> {
          ex.getResponseHeaders().set("Location", "/v1/ok");
          ex.sendResponseHeaders(307, -1);
        });
  }

  @AfterEach
  void stop() {
    api.close();
    other.close();
  }

  private String call(OkHttpClient client, HttpUrl url) throws Exception {
    try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return r.body().string();
    }
  }

  private static OkHttpClient client(HttpUrl base, AuthInterceptor auth) {
    return HttpClients.forProvider(HttpClients.newDefault(), base, auth);
  }

  @Nested
  @DisplayName("Authorization: Bearer")
  class Bearer {
    @Test
    @DisplayName("is sent to the provider's own origin")
    void sentToBase() throws Exception {
      call(client(base, AuthInterceptor.bearer(KEY, base)), base.resolve("ok"));
      assertThat(api.requestsTo("/v1/ok").get(0).header("Authorization"))
          .isEqualTo("Bearer sk-test-credential-42");
    }

    @Test
    @DisplayName("is not sent to another origin, even for an absolute URL from the provider")
    void notSentElsewhere() throws Exception {
      call(client(base, AuthInterceptor.bearer(KEY, base)), other.url("/direct"));
      assertThat(other.requestsTo("/direct")).hasSize(1);
      assertThat(other.requestsTo("/direct").get(0).header("Authorization")).isNull();
    }

    @Test
    @DisplayName("does not follow a redirect to another origin")
    void notRedirected() throws Exception {
      assertThat(call(client(base, AuthInterceptor.bearer(KEY, base)), base.resolve("away")))
          .isEqualTo("other");
      assertThat(other.requestsTo("/landing").get(0).header("Authorization")).isNull();
    }
  }

  @Nested
  @DisplayName("Authorization with another scheme, such as Key")
  class OtherScheme {
    @Test
    @DisplayName("is sent as 'Authorization: Key <key>' to the provider's own origin")
    void sentToBase() throws Exception {
      call(client(base, AuthInterceptor.authorization("Key", KEY, base)), base.resolve("ok"));
      assertThat(api.requestsTo("/v1/ok").get(0).header("Authorization"))
          .isEqualTo("Key sk-test-credential-42");
    }

    @Test
    @DisplayName("bearer is the scheme Bearer")
    void bearerIsAScheme() throws Exception {
      call(client(base, AuthInterceptor.authorization("Bearer", KEY, base)), base.resolve("ok"));
      call(client(base, AuthInterceptor.bearer(KEY, base)), base.resolve("ok"));
      assertThat(api.requestsTo("/v1/ok").get(0).header("Authorization"))
          .isEqualTo(api.requestsTo("/v1/ok").get(1).header("Authorization"))
          .isEqualTo("Bearer sk-test-credential-42");
    }

    @Test
    @DisplayName("is not sent to another origin, nor after a redirect there")
    void notSentElsewhere() throws Exception {
      OkHttpClient c = client(base, AuthInterceptor.authorization("Key", KEY, base));
      call(c, other.url("/direct"));
      assertThat(call(c, base.resolve("away"))).isEqualTo("other");
      assertThat(other.requestsTo("/direct").get(0).header("Authorization")).isNull();
      assertThat(other.requestsTo("/landing").get(0).header("Authorization")).isNull();
    }

    @Test
    @DisplayName("a scheme that is not a token is refused before any request")
    void badScheme() {
      assertThatThrownBy(() -> AuthInterceptor.authorization("", KEY, base))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("scheme is empty");
      assertThatThrownBy(() -> AuthInterceptor.authorization("Key ", KEY, base))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("scheme is not an HTTP token: Key ");
      assertThatThrownBy(() -> AuthInterceptor.authorization("Key:", KEY, base))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> AuthInterceptor.authorization(null, KEY, base))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("scheme == null");
    }

    @Test
    @DisplayName("toString names the header, not the key")
    void toStringRedacted() {
      assertThat(AuthInterceptor.authorization("Key", KEY, base).toString())
          .contains("Authorization")
          .doesNotContain(KEY.reveal());
    }
  }

  @Nested
  @DisplayName("a custom header such as API-KEY")
  class CustomHeader {
    @Test
    @DisplayName("is sent to the provider's own origin, and again after a same-origin redirect")
    void sentToBase() throws Exception {
      OkHttpClient c = client(base, AuthInterceptor.header("API-KEY", KEY, base));
      assertThat(call(c, base.resolve("moved"))).isEqualTo("ok");
      assertThat(api.requestsTo("/v1/moved").get(0).header("API-KEY")).isEqualTo(KEY.reveal());
      assertThat(api.requestsTo("/v1/ok").get(0).header("API-KEY")).isEqualTo(KEY.reveal());
    }

    @Test
    @DisplayName(
        "does not follow a redirect to another origin (OkHttp itself only drops Authorization)")
    void notRedirected() throws Exception {
      OkHttpClient c = client(base, AuthInterceptor.header("API-KEY", KEY, base));
      assertThat(call(c, base.resolve("away"))).isEqualTo("other");
      assertThat(api.requestsTo("/v1/away").get(0).header("API-KEY")).isEqualTo(KEY.reveal());
      LocalServer.Recorded landed = other.requestsTo("/landing").get(0);
      assertThat(landed.headers().toString()).doesNotContain(KEY.reveal());
      assertThat(landed.header("API-KEY")).isNull();
    }

    @Test
    @DisplayName("is removed from a request to another origin that carries it already")
    void strippedWhenPresent() throws Exception {
      OkHttpClient c = client(base, AuthInterceptor.header("API-KEY", KEY, base));
      Request r =
          new Request.Builder().url(other.url("/direct")).header("API-KEY", "copied").build();
      c.newCall(r).execute().close();
      assertThat(other.requestsTo("/direct").get(0).header("API-KEY")).isNull();
    }
  }

  @Test
  @DisplayName("the application's own network interceptors never see the key")
  void hiddenFromApplicationInterceptors() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient userClient =
        HttpClients.newDefault()
            .newBuilder()
            .addNetworkInterceptor(
                chain -> {
                  seen.add(chain.request().headers().toString());
                  return chain.proceed(chain.request());
                })
            .build();
    OkHttpClient c =
        HttpClients.forProvider(userClient, base, AuthInterceptor.header("API-KEY", KEY, base));
    call(c, base.resolve("ok"));
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)).doesNotContain(KEY.reveal());
    assertThat(api.requestsTo("/v1/ok").get(0).header("API-KEY")).isEqualTo(KEY.reveal());
  }

  @Test
  @DisplayName("toString names the header and origin, not the key")
  void toStringRedacted() {
    assertThat(AuthInterceptor.header("API-KEY", KEY, base).toString())
        .contains("API-KEY")
        .doesNotContain(KEY.reveal());
  }

  @Test
  @DisplayName("a header name that is not a token is refused")
  void badHeaderName() {
    assertThatThrownBy(() -> AuthInterceptor.header("API KEY", KEY, base))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthInterceptor.header("X:Y", KEY, base))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthInterceptor.header(null, KEY, base))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("headerName == null");
  }
}
