package io.github.pixverse4j.v3async;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import okhttp3.HttpUrl;

/**
 * Callbacks (webhooks) of the v3 async hosts, per Novita's "Webhook" page
 * (https://novita.ai/docs/api-reference/model-apis-webhook): every submit carries {@code
 * extra.webhook.url}, and when the task ends the host POSTs {@code {"event_type":
 * "ASYNC_TASK_RESULT", "payload": <the task result>}} to it, resending up to five times when the
 * answer is not 2xx within 5 s.
 *
 * <p>The page documents no signature. The URL sent therefore carries a per-client secret token as
 * the query parameter {@value #TOKEN_PARAMETER}, which the handler compares in constant time: a
 * weaker guarantee than a signature. Anyone who learns the URL (from your logs, a proxy, the host)
 * can forge callbacks until the token is changed, and the body is not protected in transit beyond
 * TLS. Keep the URL https, the token out of logs, and treat a callback as a hint: the engine checks
 * nothing more, but polling continues as a safety net. {@code toString()} never shows the token.
 */
public final class V3AsyncWebhook {
  /** The query parameter that carries the token: {@value}. */
  public static final String TOKEN_PARAMETER = "pv4j_token";

  private final HttpUrl url;
  private final String token;

  private V3AsyncWebhook(HttpUrl url, String token) {
    this.url = url;
    this.token = token;
  }

  /**
   * Callbacks to {@code url} carrying {@code token}.
   *
   * @param url where your receiver listens: https, or http to a loopback address for tests; must
   *     not carry {@value #TOKEN_PARAMETER} already
   * @param token at least 16 characters of A-Z, a-z, 0-9, '-' or '_' ({@link #randomToken()} makes
   *     one); keep it the same across restarts, or callbacks of tasks submitted before a restart
   *     are refused (polling still ends them)
   * @throws IllegalArgumentException when either is unusable
   */
  public static V3AsyncWebhook of(String url, String token) {
    if (url == null) throw new NullPointerException("url == null");
    if (token == null) throw new NullPointerException("token == null");
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) throw new IllegalArgumentException("not an http(s) URL: " + url);
    boolean loopback =
        parsed.host().equals("localhost")
            || parsed.host().equals("127.0.0.1")
            || parsed.host().equals("::1")
            || parsed.host().equals("[::1]");
    if (!parsed.isHttps() && !loopback) {
      throw new IllegalArgumentException("the webhook URL must be https (http only to loopback)");
    }
    if (parsed.queryParameter(TOKEN_PARAMETER) != null) {
      throw new IllegalArgumentException("the webhook URL already has " + TOKEN_PARAMETER);
    }
    if (!token.matches("[A-Za-z0-9_-]{16,}")) {
      throw new IllegalArgumentException(
          "the token must be at least 16 characters of A-Z, a-z, 0-9, '-' or '_'");
    }
    return new V3AsyncWebhook(parsed, token);
  }

  /** A new random token: 32 bytes from {@link SecureRandom}, Base64url (43 characters). */
  public static String randomToken() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The URL as sent in {@code extra.webhook.url}: yours plus the token. Never log it. */
  String callbackUrl() {
    return url.newBuilder().addQueryParameter(TOKEN_PARAMETER, token).build().toString();
  }

  byte[] tokenBytes() {
    return token.getBytes(StandardCharsets.UTF_8);
  }

  /** Your URL, without the token. */
  public String url() {
    return url.toString();
  }

  @Override
  public String toString() {
    return "V3AsyncWebhook{" + url + ", token=***}";
  }
}
