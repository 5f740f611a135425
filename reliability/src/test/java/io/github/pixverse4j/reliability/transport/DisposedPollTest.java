package io.github.pixverse4j.reliability.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 27's "Socket is closed" storm, end to end for every provider: a {@code generate()} stream
 * is disposed at the instant its status read has just opened a new connection (placed there by an
 * {@link EventListener} on the OkHttp thread, no timing). OkHttp 3.14's cancel closes that fresh
 * connection's socket; the client must not leave it in the pool, where it failed every later submit
 * and status read (and their resends) with "Socket is closed" in the journal benchmark.
 */
class DisposedPollTest {
  private static final String KEY = "disposed-key-5d1e07";
  private static final int LATER_TASKS = 8;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "a stream disposed as its poll opened a new connection leaves no closed connection behind:"
          + " every later task succeeds")
  void laterTasksSucceed(Provider p) throws InterruptedException {
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      AtomicBoolean armed = new AtomicBoolean(true);
      AtomicReference<Disposable> victim = new AtomicReference<>();
      AtomicReference<Call> victimCall = new AtomicReference<>();
      CountDownLatch victimEnded = new CountDownLatch(1);
      AtomicInteger closedSocketsHandedOut = new AtomicInteger();
      AtomicReference<OkHttpClient> pool = new AtomicReference<>();
      EventListener listener =
          new EventListener() {
            boolean statusRead(Call call) {
              Request r = call.request();
              return "status".equals(sim.endpointOf(r.method(), r.url().encodedPath()));
            }

            @Override
            public void callStart(Call call) {
              // The victim's poll must open a connection of its own: none idle.
              if (armed.get() && statusRead(call)) pool.get().connectionPool().evictAll();
            }

            @Override
            public void connectionAcquired(Call call, Connection connection) {
              if (connection.socket().isClosed()) closedSocketsHandedOut.incrementAndGet();
              if (statusRead(call) && armed.compareAndSet(true, false)) {
                victimCall.set(call);
                victim.get().dispose(); // what a subscriber's dispose does: Call.cancel()
              }
            }

            @Override
            public void callEnd(Call call) {
              if (call == victimCall.get()) victimEnded.countDown();
            }

            @Override
            public void callFailed(Call call, IOException e) {
              if (call == victimCall.get()) victimEnded.countDown();
            }
          };
      OkHttpClient http = HttpClients.newDefault().newBuilder().eventListener(listener).build();
      pool.set(http);
      PollingPolicy policy = Provider.fastPolicy(Duration.ofSeconds(20));
      VideoClient client = p.client(sim, KEY, policy, http);

      victim.set(client.generate(Provider.request()).subscribe(s -> {}, e -> {}));
      assertThat(victimEnded.await(20, TimeUnit.SECONDS)).as("the disposed poll ended").isTrue();
      assertThat(victimCall.get().isCanceled()).isTrue();

      List<String> later =
          Observable.range(0, LATER_TASKS)
              .concatMapSingle(
                  i ->
                      client
                          .generate(Provider.request())
                          .lastOrError()
                          .map(s -> s.state().name())
                          .onErrorReturn(e -> e.getClass().getSimpleName() + ": " + e.getMessage()))
              .toList()
              .timeout(60, TimeUnit.SECONDS)
              .blockingGet();

      assertThat(later).hasSize(LATER_TASKS).containsOnly(TaskState.SUCCEEDED.name());
      assertThat(closedSocketsHandedOut.get())
          .as("pooled connections handed out with a closed socket")
          .isZero();
      assertThat(sim.jobCount()).as("the disposed task's job and one per later task").isEqualTo(9);
      http.connectionPool().evictAll();
    }
  }
}
