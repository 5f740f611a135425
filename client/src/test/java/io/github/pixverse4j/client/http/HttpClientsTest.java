package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
  private static final ApiKey KEY = ApiKey.of("k-123");

  @Test
  @DisplayName(
      "the default client allows 32 concurrent requests (threads), also to one host, with bounded"
          + " timeouts")
  void defaults() {
    OkHttpClient c = HttpClients.newDefault();
    assertThat(c.dispatcher().getMaxRequests()).isEqualTo(32);
    assertThat(c.dispatcher().getMaxRequestsPerHost()).isEqualTo(32);
    assertThat(c.connectTimeoutMillis()).isEqualTo(10_000);
    assertThat(c.readTimeoutMillis()).isEqualTo(30_000);
    assertThat(c.writeTimeoutMillis()).isEqualTo(30_000);
    assertThat(c.callTimeoutMillis()).isEqualTo(60_000);
  }

  @Test
  @DisplayName("options change limits and timeouts")
  void options() {
    OkHttpClient c =
        HttpClients.newDefault(
            HttpClients.Options.builder()
                .maxRequests(2000)
                .maxRequestsPerHost(1000)
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .writeTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ZERO)
                .build());
    assertThat(c.dispatcher().getMaxRequests()).isEqualTo(2000);
    assertThat(c.dispatcher().getMaxRequestsPerHost()).isEqualTo(1000);
    assertThat(c.connectTimeoutMillis()).isEqualTo(1000);
    assertThat(c.readTimeoutMillis()).isEqualTo(2000);
    assertThat(c.writeTimeoutMillis()).isEqualTo(3000);
    assertThat(c.callTimeoutMillis()).isZero();
    assertThatThrownBy(() -> HttpClients.Options.builder().maxRequests(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpClients.Options.builder().readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("no more dispatcher threads than the request limit, however many calls are queued")
  void threadsBoundedByRequestLimit() throws Exception {
    try (LocalServer server = LocalServer.start()) {
      server.handle("/", ex -> LocalServer.respond(ex, 200, "text/plain", "hi"));
      OkHttpClient c =
          HttpClients.newDefault(
              HttpClients.Options.builder().maxRequests(4).maxRequestsPerHost(4).build());
      java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(300);
      for (int i = 0; i < 300; i++) {
        c.newCall(new Request.Builder().url(server.url("/")).build())
            .enqueue(
                new Callback() {
                  @Override
                  public void onFailure(Call call, IOException e) {
                    done.countDown();
                  }

                  @Override
                  public void onResponse(Call call, Response response) {
                    response.close();
                    threads.add(
                        Thread.currentThread().getName().replaceAll("^OkHttp .*", "renamed"));
                    done.countDown();
                  }
                });
      }
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
      long poolThreads =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().startsWith("pixverse4j-http-"))
              .count();
      assertThat(
              ((java.util.concurrent.ThreadPoolExecutor) c.dispatcher().executorService())
                  .getLargestPoolSize())
          .as("largest pool size")
          .isLessThanOrEqualTo(4);
      assertThat(poolThreads).isGreaterThan(0);
    }
  }

  @Test
  @DisplayName(
      "asynchronous calls run on daemon threads, so an idle client never keeps the JVM alive")
  void daemonDispatcherThreads() throws Exception {
    try (LocalServer server = LocalServer.start()) {
      server.handle("/", ex -> LocalServer.respond(ex, 200, "text/plain", "hi"));
      CompletableFuture<Thread> thread = new CompletableFuture<>();
      HttpClients.newDefault()
          .newCall(new Request.Builder().url(server.url("/")).build())
          .enqueue(
              new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                  thread.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call call, Response response) {
                  response.close();
                  thread.complete(Thread.currentThread());
                }
              });
      assertThat(thread.get(10, TimeUnit.SECONDS).isDaemon()).isTrue();
    }
  }

  @Test
  @DisplayName(
      "a provider client shares the base's dispatcher and pool and adds auth and the body cap")
  void forProviderSharesResources() {
    OkHttpClient base = HttpClients.newDefault();
    HttpUrl url = BaseUrls.require("https://api.example.com/v1");
    AuthInterceptor auth = AuthInterceptor.bearer(KEY, url);
    OkHttpClient c = HttpClients.forProvider(base, url, auth, 1234);
    assertThat(c.dispatcher()).isSameAs(base.dispatcher());
    assertThat(c.connectionPool()).isSameAs(base.connectionPool());
    // The framing check first (it sees the answer as it came), auth, then the request-write
    // marker last of all (nothing may run between it and writing).
    assertThat(c.networkInterceptors()).hasSize(3).first().isSameAs(HttpFraming.INSTANCE);
    assertThat(c.networkInterceptors().get(1)).isSameAs(auth);
    assertThat(c.networkInterceptors().get(2).getClass().getName())
        .startsWith(RequestWriteTracker.class.getName());
    assertThat(c.interceptors()).hasSize(3).first().isInstanceOf(BodyLimitInterceptor.class);
    assertThat(c.interceptors().get(1).getClass().getName())
        .startsWith(RequestWriteTracker.class.getName());
    assertThat(c.interceptors().get(2)).isSameAs(HttpFraming.APPLICATION);
    assertThat(((BodyLimitInterceptor) c.interceptors().get(0)).maxBytes()).isEqualTo(1234);
    assertThat(base.interceptors()).isEmpty();
    assertThat(base.networkInterceptors()).isEmpty();
    assertThat(c.retryOnConnectionFailure())
        .as("OkHttp must not resend a submit on its own")
        .isFalse();
  }

  @Test
  @DisplayName("without a base client, providers share one default client")
  void sharedDefault() {
    HttpUrl url = BaseUrls.require("https://api.example.com/");
    OkHttpClient a = HttpClients.forProvider(null, url, AuthInterceptor.bearer(KEY, url));
    OkHttpClient b = HttpClients.forProvider(null, url, AuthInterceptor.bearer(KEY, url));
    assertThat(a.dispatcher())
        .isSameAs(b.dispatcher())
        .isSameAs(HttpClients.sharedDefault().dispatcher());
    assertThat(a.connectionPool()).isSameAs(HttpClients.sharedDefault().connectionPool());
  }

  @Test
  @DisplayName("a provider client refuses plain http to a remote host and auth for another origin")
  void forProviderChecks() {
    HttpUrl insecure = HttpUrl.get("http://api.example.com/");
    assertThatThrownBy(
            () -> HttpClients.forProvider(null, insecure, AuthInterceptor.bearer(KEY, insecure)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTPS");
    HttpUrl url = HttpUrl.get("https://api.example.com/");
    HttpUrl elsewhere = HttpUrl.get("https://evil.example.com/");
    assertThatThrownBy(
            () -> HttpClients.forProvider(null, url, AuthInterceptor.bearer(KEY, elsewhere)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evil.example.com");
  }
}
