package io.github.pixverse4j.client.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds a provider's credential header to requests for the provider's own origin (same scheme, host
 * and port as the base URL) and removes that header from requests for any other origin.
 *
 * <p>{@link HttpClients#forProvider} installs it as a <em>network</em> interceptor, so it runs once
 * per hop: when the provider redirects to another host, the redirected request leaves without the
 * credential. (OkHttp itself drops only {@code Authorization} on cross-host redirects, not custom
 * headers such as {@code API-KEY}.) Running last also keeps the key out of any logging interceptor
 * the application installed on its own client. It is equally correct as an application interceptor,
 * but then does not see redirects.
 */
public final class AuthInterceptor implements Interceptor {
  private final String headerName;
  private final String valuePrefix;
  private final ApiKey key;
  private final HttpUrl baseUrl;

  private AuthInterceptor(String headerName, String valuePrefix, ApiKey key, HttpUrl baseUrl) {
    this.headerName = headerName;
    this.valuePrefix = valuePrefix;
    this.key = key;
    this.baseUrl = baseUrl;
  }

  /** Sends {@code Authorization: Bearer <key>} (RFC 6750) to {@code baseUrl}'s origin only. */
  public static AuthInterceptor bearer(ApiKey key, HttpUrl baseUrl) {
    return authorization("Bearer", key, baseUrl);
  }

  /**
   * Sends {@code Authorization: <scheme> <key>} to {@code baseUrl}'s origin only, for providers
   * whose scheme is not {@code Bearer}; for example {@code authorization("Key", key, url)} sends
   * {@code Authorization: Key <key>}.
   *
   * @param scheme the authentication scheme, an HTTP token (RFC 9110 §11.1) such as {@code Key}
   * @throws IllegalArgumentException if {@code scheme} is empty or not a token (spaces, colons)
   */
  public static AuthInterceptor authorization(String scheme, ApiKey key, HttpUrl baseUrl) {
    if (scheme == null) throw new NullPointerException("scheme == null");
    requireToken(scheme, "scheme");
    return create("Authorization", scheme + " ", key, baseUrl);
  }

  /**
   * Sends {@code <headerName>: <key>} (for example {@code API-KEY}) to {@code baseUrl}'s origin
   * only.
   */
  public static AuthInterceptor header(String headerName, ApiKey key, HttpUrl baseUrl) {
    if (headerName == null) throw new NullPointerException("headerName == null");
    return create(headerName, "", key, baseUrl);
  }

  private static AuthInterceptor create(String name, String prefix, ApiKey key, HttpUrl baseUrl) {
    if (key == null) throw new NullPointerException("key == null");
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    requireToken(name, "headerName");
    return new AuthInterceptor(name, prefix, key, baseUrl);
  }

  /** Header names and authentication schemes are both RFC 9110 tokens. */
  private static void requireToken(String value, String what) {
    if (value.isEmpty()) throw new IllegalArgumentException(what + " is empty");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        throw new IllegalArgumentException(what + " is not an HTTP token: " + value);
      }
    }
  }

  /** The only origin that receives the credential. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (BaseUrls.sameOrigin(request.url(), baseUrl)) {
      request = request.newBuilder().header(headerName, valuePrefix + key.reveal()).build();
    } else if (request.header(headerName) != null) {
      request = request.newBuilder().removeHeader(headerName).build();
    }
    return chain.proceed(request);
  }

  @Override
  public String toString() {
    return "AuthInterceptor["
        + headerName
        + " for "
        + baseUrl.scheme()
        + "://"
        + baseUrl.host()
        + ":"
        + baseUrl.port()
        + "]";
  }
}
