package io.github.pixverse4j.client.http;

import io.github.pixverse4j.client.internal.Json;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Retrofit;
import retrofit2.adapter.rxjava3.RxJava3CallAdapterFactory;
import retrofit2.converter.jackson.JacksonConverterFactory;

/** Builds the {@link Retrofit} instance every provider module uses for its API interface. */
public final class Retrofits {
  private Retrofits() {}

  /**
   * A {@link Retrofit} with the shared Jackson configuration (unknown properties ignored, scalar
   * coercion, input size limits, unset properties omitted) and asynchronous
   * RxJava 3 call adapters: calls run on {@code client}'s dispatcher, no thread is held per call.
   * Errors reach subscribers raw ({@code retrofit2.HttpException}, {@code IOException}); compose
   * {@link HttpErrors#mapErrors} to turn them into {@link
   * io.github.pixverse4j.api.VideoApiException}s.
   *
   * <p>OkHttp silently sends a request again after a connection failure (a pooled connection the
   * server had closed) when the client's {@code retryOnConnectionFailure} is on, OkHttp's default.
   * That is kept for requests whose method RFC 9110 §9.2.2 defines as idempotent (GET, HEAD, PUT,
   * DELETE, OPTIONS, TRACE: status, result and cancel reads), so a stale connection costs no
   * visible retry. Other methods (POST, PATCH: submits and uploads) go through a copy of {@code
   * client} with it off, sharing its dispatcher and pool: a submit whose connection failed after
   * it was written may have created a job, and only the engine decides whether it may be resent.
   *
   * @param client normally from {@link HttpClients#forProvider}
   */
  public static Retrofit create(HttpUrl baseUrl, OkHttpClient client) {
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    if (client == null) throw new NullPointerException("client == null");
    return new Retrofit.Builder()
        .baseUrl(BaseUrls.require(baseUrl))
        .callFactory(new ResendOnlyIdempotent(client))
        .addConverterFactory(JacksonConverterFactory.create(Json.mapper()))
        .addCallAdapterFactory(RxJava3CallAdapterFactory.create())
        .build();
  }

  /** Sends idempotent requests through {@code client}, others through a copy that never resends. */
  static final class ResendOnlyIdempotent implements Call.Factory {
    private final OkHttpClient client;
    private final OkHttpClient noResend;

    ResendOnlyIdempotent(OkHttpClient client) {
      this.client = client;
      this.noResend = client.retryOnConnectionFailure()
          ? client.newBuilder().retryOnConnectionFailure(false).build()
          : client;
    }

    @Override
    public Call newCall(Request request) {
      return clientFor(request.method()).newCall(request);
    }

    /** The client a request with HTTP method {@code method} is sent with. */
    OkHttpClient clientFor(String method) {
      return idempotent(method) ? client : noResend;
    }

    private static boolean idempotent(String method) {
      switch (method) {
        case "GET":
        case "HEAD":
        case "PUT":
        case "DELETE":
        case "OPTIONS":
        case "TRACE":
          return true;
        default:
          return false;
      }
    }
  }
}
