package io.github.pixverse4j.client.http;

import io.github.pixverse4j.client.internal.Json;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.adapter.rxjava3.RxJava3CallAdapterFactory;
import retrofit2.converter.jackson.JacksonConverterFactory;

/** Builds the {@link Retrofit} instance every provider module uses for its API interface. */
public final class Retrofits {
  private Retrofits() {}

  /**
   * A {@link Retrofit} with the shared Jackson configuration (unknown properties ignored, scalar
   * coercion, input size limits, unset properties omitted) and asynchronous RxJava 3 call adapters:
   * calls run on {@code client}'s dispatcher, no thread is held per call. Errors reach subscribers
   * raw ({@code retrofit2.HttpException}, {@code IOException}); provider modules use {@link
   * ErrorMappingCallAdapterFactory#retrofit}, which turns them into {@link
   * io.github.pixverse4j.api.VideoApiException}s.
   *
   * @param client normally from {@link HttpClients#forProvider}, which turns OkHttp's silent resend
   *     after a connection failure off for every call: the engine is the one retry layer
   */
  public static Retrofit create(HttpUrl baseUrl, OkHttpClient client) {
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    if (client == null) throw new NullPointerException("client == null");
    return new Retrofit.Builder()
        .baseUrl(BaseUrls.require(baseUrl))
        .client(client)
        .addConverterFactory(JacksonConverterFactory.create(Json.mapper()))
        .addCallAdapterFactory(RxJava3CallAdapterFactory.create())
        .build();
  }
}
