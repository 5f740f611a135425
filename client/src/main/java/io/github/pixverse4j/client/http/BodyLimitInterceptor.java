package io.github.pixverse4j.client.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Caps response bodies: fails at once when {@code Content-Length} is over the limit, and fails the
 * read that goes past the limit otherwise (chunked or compressed bodies). Bounds the time to read a
 * body too: a body that trickles (one byte every few seconds never trips the read timeout) fails
 * once {@code maxBodyTime} has passed since its headers arrived, as a timed-out read that the
 * engine retries like any other (issue 25).
 *
 * <p>Why a deadline on the body's Okio {@code Timeout} rather than OkHttp's {@code callTimeout} or
 * a cancel from another thread: it fails the read on the calling thread, like a read timeout, on
 * the one socket the trickling answer holds; OkHttp clears it when the body is done, so a pooled
 * connection never carries it. A call timeout or a cancel closes the call's socket from the
 * watchdog thread, which can leave a closed socket in the pool (issue 27; {@code DeadConnections}
 * retires such a connection). The time to the headers stays bounded by the read timeout per silence
 * and by the base client's call timeout ({@link HttpClients.Options}, 60 s by default).
 *
 * <p>For API calls only; {@link VideoDownloader} streams videos without a cap. Install it as an
 * application interceptor so the limit applies to the decompressed body. The failure is an {@link
 * IOException}, which {@link HttpErrors} maps to a {@link
 * io.github.pixverse4j.api.TransportException}.
 */
public final class BodyLimitInterceptor implements Interceptor {
  /** The cap used for API responses unless a provider asks for another: 2 MiB. */
  public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;

  /** The longest time to read an API answer's body unless a provider asks for another: 30 s. */
  public static final Duration DEFAULT_MAX_BODY_TIME = Duration.ofSeconds(30);

  private final long maxBytes;
  private final Duration maxBodyTime;

  /** A cap of {@code maxBytes} and {@link #DEFAULT_MAX_BODY_TIME}. */
  public BodyLimitInterceptor(long maxBytes) {
    this(maxBytes, DEFAULT_MAX_BODY_TIME);
  }

  /**
   * @param maxBytes the largest body, in bytes
   * @param maxBodyTime the longest time from the headers to the body's last byte; positive
   */
  public BodyLimitInterceptor(long maxBytes, Duration maxBodyTime) {
    if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes <= 0: " + maxBytes);
    if (maxBodyTime == null) throw new NullPointerException("maxBodyTime == null");
    if (maxBodyTime.isNegative() || maxBodyTime.isZero()) {
      throw new IllegalArgumentException("maxBodyTime must be positive: " + maxBodyTime);
    }
    this.maxBytes = maxBytes;
    this.maxBodyTime = maxBodyTime;
  }

  long maxBytes() {
    return maxBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    final ResponseBody body = response.body();
    if (body == null) return response;
    final String host = response.request().url().host();
    long length = body.contentLength();
    if (length > maxBytes && !"HEAD".equals(response.request().method())) {
      response.close();
      throw new ResponseTooLargeException(
          "Response from "
              + host
              + " announces "
              + length
              + " bytes, over the "
              + maxBytes
              + "-byte limit for API responses");
    }
    // On the body's own Timeout: forwarded to the exchange's socket, cleared by OkHttp when the
    // body ends (see the class comment).
    body.source().timeout().deadline(maxBodyTime.toNanos(), TimeUnit.NANOSECONDS);
    ForwardingSource capped =
        new ForwardingSource(body.source()) {
          private long total;

          @Override
          public long read(Buffer sink, long byteCount) throws IOException {
            long n = super.read(sink, byteCount);
            if (n > 0) {
              total += n;
              if (total > maxBytes) {
                throw new ResponseTooLargeException(
                    "Response from "
                        + host
                        + " is larger than the "
                        + maxBytes
                        + "-byte limit for API responses");
              }
            }
            return n;
          }
        };
    return response
        .newBuilder()
        .body(ResponseBody.create(body.contentType(), length, Okio.buffer(capped)))
        .build();
  }

  /** A response body went over the cap. */
  static final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(String message) {
      super(message);
    }
  }
}
