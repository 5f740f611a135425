package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.VideoApiException;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import retrofit2.HttpException;
import retrofit2.Response;
import retrofit2.http.GET;
import retrofit2.http.POST;

class ErrorMappingCallAdapterFactoryTest {
  private static final ApiKey KEY = ApiKey.of("sk-adapter-secret-42");

  static final class Thing {
    public String id;
  }

  interface Api {
    @GET("thing")
    Single<Thing> thing();

    @GET("thing")
    Maybe<Thing> maybeThing();

    @GET("thing")
    Observable<Thing> manyThings();

    @POST("act")
    Completable act();

    @GET("thing")
    Single<Response<Thing>> raw();
  }

  private LocalServer server;
  private final AtomicReference<String> answer = new AtomicReference<>("{}");
  private final AtomicReference<Integer> status = new AtomicReference<>(200);
  private final List<String> mappedCalls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = LocalServer.start();
    server.handle(
        "/",
        ex -> {
          LocalServer.drain(ex);
          LocalServer.respond(ex, status.get(), "application/json", answer.get());
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Api api(java.util.function.Function<HttpException, VideoApiException> mapper) {
    HttpUrl base = BaseUrls.require(server.url("/api").toString());
    return ErrorMappingCallAdapterFactory.create("acme", mapper, KEY)
        .retrofit(base, HttpClients.forProvider(null, base, AuthInterceptor.bearer(KEY, base)))
        .create(Api.class);
  }

  private Api api() {
    return api(
        e -> {
          mappedCalls.add(ErrorMappingCallAdapterFactory.callName(e));
          return null;
        });
  }

  private static Throwable error(Single<?> s) {
    return s.timeout(10, TimeUnit.SECONDS).materialize().blockingGet().getError();
  }

  @Test
  @DisplayName(
      "every call of the interface reports VideoApiExceptions, without a compose at the call site")
  void mapsEveryShape() {
    status.set(500);
    answer.set("{\"error\":\"down\"}");
    Api api = api();
    assertThat(error(api.thing())).isExactlyInstanceOf(ProviderUnavailableException.class);
    assertThat(error(api.maybeThing().toSingle()))
        .isExactlyInstanceOf(ProviderUnavailableException.class);
    assertThat(error(api.manyThings().singleOrError()))
        .isExactlyInstanceOf(ProviderUnavailableException.class);
    assertThat(error(api.act().toSingleDefault(1)))
        .isExactlyInstanceOf(ProviderUnavailableException.class);
    assertThat(mappedCalls).containsExactly("thing", "maybeThing", "manyThings", "act");
  }

  @Test
  @DisplayName("the provider's mapper decides first; null means the shared table")
  void providerMapperFirst() {
    status.set(418);
    Api api =
        api(
            e ->
                new InvalidRequestException(
                    "teapot",
                    Collections.emptyList(),
                    ErrorDetails.provider("acme").withHttpStatus(e.code())));
    assertThat(error(api.thing()))
        .isExactlyInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("teapot");
  }

  @Test
  @DisplayName(
      "a key shorter than MIN_SCRUBBED_LENGTH is left in messages: scrubbing 'k' mangled 'not"
          + " known'")
  void shortKeyLeavesMessagesAlone() {
    ErrorMappingCallAdapterFactory factory =
        ErrorMappingCallAdapterFactory.create("acme", e -> null, ApiKey.of("k"));
    Throwable mapped =
        factory.map(new java.net.UnknownHostException("api.invalid: Name or service not known"));
    assertThat(mapped)
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("Name or service not known")
        .hasMessageNotContaining("****");
    ErrorMappingCallAdapterFactory longKey =
        ErrorMappingCallAdapterFactory.create(
            "acme", e -> null, ApiKey.of("service" + "-not-known"));
    assertThat(
            longKey.map(
                new java.net.UnknownHostException("api.invalid: Name or service-not-known")))
        .hasMessageContaining("Name or ****")
        .hasMessageNotContaining("service-not-known");
  }

  @Test
  @DisplayName("unreadable JSON is mapped too")
  void jsonAndTransport() {
    answer.set("{\"id\": nope");
    Api api = api();
    assertThat(error(api.thing())).isExactlyInstanceOf(MalformedResponseException.class);
  }

  @Test
  @DisplayName(
      "a refused connection is a TransportException that provably did not reach the server")
  void refused() {
    Api api = api();
    server.close();
    Throwable refused = error(api.thing());
    assertThat(refused).isExactlyInstanceOf(TransportException.class);
    assertThat(((TransportException) refused).requestMayHaveReachedServer()).isFalse();
  }

  @Test
  @DisplayName("a mapper that quotes the key is overruled: no message carries it")
  void keyScrubbedEvenWhenTheMapperForgets() {
    status.set(400);
    answer.set("{\"message\":\"bad key " + KEY.reveal() + "\"}");
    Api api =
        api(
            e ->
                new InvalidRequestException(
                    "Provider said: " + HttpErrors.errorBody(e),
                    Collections.emptyList(),
                    ErrorDetails.provider("acme").withHttpStatus(e.code())));
    Throwable e = error(api.thing());
    assertThat(e).isInstanceOf(VideoApiException.class);
    assertThat(e.getMessage()).doesNotContain(KEY.reveal()).contains("****");
    assertThat(String.valueOf(e)).doesNotContain(KEY.reveal());
  }

  @Test
  @DisplayName("Response<T> methods receive non-2xx answers as values")
  void rawResponses() {
    status.set(404);
    answer.set("{\"id\":\"x\"}");
    Response<Thing> r = api().raw().timeout(10, TimeUnit.SECONDS).blockingGet();
    assertThat(r.code()).isEqualTo(404);
    assertThat(mappedCalls).isEmpty();
  }

  @Test
  @DisplayName("a successful answer passes through unchanged")
  void success() {
    answer.set("{\"id\":7}");
    assertThat(api().thing().timeout(10, TimeUnit.SECONDS).blockingGet().id).isEqualTo("7");
  }
}
