package io.github.pixverse4j.client.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Caps response bodies: fails at once when {@code Content-Length} is over the limit, and fails the
 * read that goes past the limit otherwise (chunked or compressed bodies).
 *
 * <p>For API calls only; {@link VideoDownloader} streams videos without a cap. Install it as an
 * application interceptor so the limit applies to the decompressed body. The failure is an {@link
 * IOException}, which {@link HttpErrors} maps to a {@link io.github.pixverse4j.api.TransportException}.
 */
public final class BodyLimitInterceptor implements Interceptor {
  /** The cap used for API responses unless a provider asks for another: 2 MiB. */
  public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;

  private final long maxBytes;

  public BodyLimitInterceptor(long maxBytes) {
    if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes <= 0: " + maxBytes);
    this.maxBytes = maxBytes;
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
          "Response from " + host + " announces " + length + " bytes, over the " + maxBytes
              + "-byte limit for API responses");
    }
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
                    "Response from " + host + " is larger than the " + maxBytes
                        + "-byte limit for API responses");
              }
            }
            return n;
          }
        };
    return response.newBuilder()
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
