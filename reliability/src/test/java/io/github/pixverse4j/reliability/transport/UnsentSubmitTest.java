package io.github.pixverse4j.reliability.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.http.ClosingSockets;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.http.RequestNotSentException;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A submit that failed before any byte of it was written is not an unknown outcome, for every
 * provider: the failure the journal benchmark hit (a pooled connection found closed at OkHttp's
 * {@code RealConnection.newCodec}, "Socket is closed"), reproduced with {@link ClosingSockets}. The
 * HTTP layer retires such a connection and sends the call once more on another one; when that one
 * is found closed too, the engine resends the submit with its normal backoff and the provider sees
 * one submit; when every attempt fails that way, the caller gets a plain {@link TransportException}
 * and no job exists. Failures after the submit was written stay outcome-unknown: the fault matrix's
 * reset and slow rows of the submit phase.
 */
class UnsentSubmitTest {
  private static final String KEY = "unsent-key-31c9a2";
  private static final int MAX_FAILURES = 4;

  /**
   * The provider's client on a base client whose sockets {@code sockets} makes; for each of the
   * first {@code armedAttempts} submit attempts of the engine, the next {@code closures} codec
   * set-ups fail.
   */
  private static final class Setup implements AutoCloseable {
    final ProviderSimulator sim;
    final ClosingSockets sockets = new ClosingSockets();
    final AtomicInteger submitAttempts = new AtomicInteger();
    final AtomicInteger idleAtFirstSubmit = new AtomicInteger(-1);
    final OkHttpClient http;
    final VideoClient client;

    Setup(Provider p, int armedAttempts, int closures) {
      sim = p.startSimulator(KEY);
      http =
          HttpClients.newDefault()
              .newBuilder()
              .socketFactory(sockets)
              .addInterceptor(
                  chain -> {
                    Request r = chain.request();
                    if ("submit".equals(sim.endpointOf(r.method(), r.url().encodedPath()))) {
                      int attempt = submitAttempts.incrementAndGet();
                      if (attempt == 1) idleAtFirstSubmit.set(idle());
                      if (attempt <= armedAttempts) sockets.arm(closures);
                    }
                    return chain.proceed(r);
                  })
              .build();
      PollingPolicy policy = Provider.fastPolicy(Duration.ofSeconds(20));
      assertThat(policy.maxSubmitRetries()).isEqualTo(MAX_FAILURES);
      client = p.client(sim, KEY, policy, http);
    }

    int idle() {
      return http.connectionPool().idleConnectionCount();
    }

    /** Leaves an idle connection to the simulator in the pool, as a busy application would have. */
    void warmUp() throws IOException {
      try (Response r = http.newCall(new Request.Builder().url(sim.baseUrl()).build()).execute()) {
        if (r.body() != null) r.body().string();
      }
      assertThat(idle()).as("a pooled connection to the simulator").isEqualTo(1);
    }

    @Override
    public void close() {
      sim.close();
      http.connectionPool().evictAll();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "a submit whose pooled connection was found closed before writing goes out on a fresh"
          + " connection within the same attempt, and the provider sees one submit")
  void sentOnFreshConnection(Provider p) throws IOException {
    oneSubmitReceived(p, 1, 1);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "a submit whose pooled and fresh connections were both found closed before writing is sent"
          + " again by the engine, and the provider sees one submit")
  void resentOnce(Provider p) throws IOException {
    oneSubmitReceived(p, 2, 2);
  }

  /**
   * The first submit attempt meets {@code closures} closed connections, the pooled one first; the
   * task succeeds after {@code engineAttempts} attempts of the engine with one submit received.
   */
  private static void oneSubmitReceived(Provider p, int closures, int engineAttempts)
      throws IOException {
    try (Setup s = new Setup(p, 1, closures)) {
      s.warmUp();

      TaskStatus last =
          s.client.generate(Provider.request()).timeout(20, TimeUnit.SECONDS).blockingLast();

      assertThat(s.sockets.fired())
          .as("connections closed at codec set-up, the pooled one first")
          .isEqualTo(closures);
      assertThat(s.idleAtFirstSubmit.get())
          .as("the first submit found a pooled connection")
          .isEqualTo(1);
      assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(s.submitAttempts.get())
          .as("submit attempts by the engine")
          .isEqualTo(engineAttempts);
      assertThat(s.sim.requestCount("submit")).as("submits the provider received").isEqualTo(1);
      assertThat(s.sim.submitCount()).isEqualTo(1);
      assertThat(s.sim.jobCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "a submit that never reached the wire in any attempt is a plain transport failure, not an"
          + " unknown outcome")
  void neverSentIsNotUnknown(Provider p) throws IOException {
    try (Setup s = new Setup(p, Integer.MAX_VALUE, 2)) {
      s.warmUp();

      Throwable e =
          s.client
              .generate(Provider.request())
              .timeout(20, TimeUnit.SECONDS)
              .ignoreElements()
              .toSingleDefault(0)
              .materialize()
              .blockingGet()
              .getError();

      assertThat(e)
          .isNotInstanceOf(SubmitOutcomeUnknownException.class)
          .isExactlyInstanceOf(TransportException.class)
          .hasMessageContaining("before the request was sent")
          .hasMessageContaining("nothing was sent");
      assertThat(((TransportException) e).requestMayHaveReachedServer()).isFalse();
      assertThat(e.getCause()).isInstanceOf(RequestNotSentException.class);
      assertThat(s.submitAttempts.get())
          .as("one attempt and the policy's resends")
          .isEqualTo(MAX_FAILURES + 1);
      assertThat(s.sockets.fired())
          .as("two closed connections per attempt")
          .isEqualTo(2 * (MAX_FAILURES + 1));
      assertThat(s.sim.requestCount("submit")).isZero();
      assertThat(s.sim.jobCount()).isZero();
    }
  }
}
