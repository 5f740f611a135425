package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.client.internal.EngineEvents;
import io.github.pixverse4j.client.internal.HttpCalls;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link HttpCalls}: which operation hears each HTTP call. */
class HttpCallsTest {
  private static final String SECRET = "sk-calls-credential-0815";

  private LocalServer server;
  private OkHttpClient hooked;

  /** An operation recording "start URL" and "end code" lines. */
  static final class Operation implements EngineEvents {
    final List<String> heard = new CopyOnWriteArrayList<>();
    final AtomicBoolean ended = new AtomicBoolean();

    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public Object httpStart(String method, HttpUrl url, String shown) {
      if (ended.get()) return null;
      heard.add("start " + method + " " + shown);
      return heard.size();
    }

    @Override
    public void httpEnd(Object exchange, int code, Throwable failure) {
      heard.add("end " + code);
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = LocalServer.start();
    server.handle("/", ex -> LocalServer.respond(ex, 200, "text/plain", "ok"));
    hooked = HttpCalls.install(HttpClients.newDefault(), ApiKey.of(SECRET));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** An async call created at subscription, as Retrofit's adapter does; then {@code next}. */
  private Single<Integer> call(String path, Runnable inCallback) {
    return Single.create(
        emitter ->
            hooked
                .newCall(new Request.Builder().url(server.url(path)).build())
                .enqueue(
                    new Callback() {
                      @Override
                      public void onResponse(Call call, Response response) {
                        response.close();
                        if (inCallback != null) inCallback.run();
                        emitter.onSuccess(response.code());
                      }

                      @Override
                      public void onFailure(Call call, IOException e) {
                        emitter.onError(e);
                      }
                    }));
  }

  @Test
  @DisplayName(
      "a call created while subscribing a marked Single is the operation's, with its URL shown"
          + " with query values hidden and the key scrubbed; an unmarked call is nobody's")
  void markedCallsOnly() {
    Operation op = new Operation();
    op.marked(call("/v1/tasks/" + SECRET + "?sig=" + SECRET, null)).blockingSubscribe();
    call("/v1/unmarked", null).blockingSubscribe();

    assertThat(op.heard)
        .containsExactly(
            "start GET http://127.0.0.1:" + server.port() + "/v1/tasks/****?sig=…", "end 200");
  }

  @Test
  @DisplayName(
      "a call a provider chains in the answer's callback, on OkHttp's thread, belongs to the"
          + " operation of the call it follows")
  void chainedCallFollowsItsOperation() throws Exception {
    Operation op = new Operation();
    List<Integer> chained = new CopyOnWriteArrayList<>();
    op.marked(
            call(
                "/v1/upload",
                () -> {
                  Disposable unused = call("/v1/submit", null).subscribe(c -> chained.add(c));
                }))
        .blockingSubscribe();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (chained.isEmpty() && System.nanoTime() < until) Thread.sleep(5);

    assertThat(chained).containsExactly(200);
    assertThat(op.heard)
        .containsExactly(
            "start GET http://127.0.0.1:" + server.port() + "/v1/upload",
            "end 200",
            "start GET http://127.0.0.1:" + server.port() + "/v1/submit",
            "end 200");
  }

  @Test
  @DisplayName("an operation that has ended hears no more calls, even chained ones")
  void endedOperationHearsNothing() {
    Operation op = new Operation();
    op.ended.set(true);
    op.marked(call("/v1/late", null)).blockingSubscribe();
    assertThat(op.heard).isEmpty();
  }
}
