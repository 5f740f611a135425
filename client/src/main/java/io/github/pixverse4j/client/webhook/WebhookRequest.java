package io.github.pixverse4j.client.webhook;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One callback as it arrived: the request target (path and query), the headers and the raw body
 * bytes, exactly as received. Signatures are computed over what was sent, so hand over the body
 * before any framework parses or re-encodes it.
 */
public final class WebhookRequest {
  private final String target;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private WebhookRequest(String target, Map<String, List<String>> headers, byte[] body) {
    this.target = target;
    this.headers = headers;
    this.body = body;
  }

  /**
   * A callback.
   *
   * @param target the request target as received, such as {@code /hooks/v3?pv4j_token=…} (the path
   *     and the raw query; a full URL works too); empty when not known. Only providers whose
   *     callback URL carries a token read it.
   * @param headers the request headers; names are matched without regard to case
   * @param body the raw body; not copied, so do not change it afterwards
   */
  public static WebhookRequest of(
      String target, Map<String, ? extends List<String>> headers, byte[] body) {
    if (target == null) throw new NullPointerException("target == null");
    if (headers == null) throw new NullPointerException("headers == null");
    if (body == null) throw new NullPointerException("body == null");
    Map<String, List<String>> lower = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends List<String>> e : headers.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) continue;
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!lower.containsKey(name)) lower.put(name, Collections.unmodifiableList(e.getValue()));
    }
    return new WebhookRequest(target, Collections.unmodifiableMap(lower), body);
  }

  /** The request target as given to {@link #of}. */
  public String target() {
    return target;
  }

  /** The first value of header {@code name} (any case), if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty()
        ? Optional.<String>empty()
        : Optional.ofNullable(values.get(0));
  }

  /** The first value of query parameter {@code name} of the target, URL-decoded, if present. */
  public Optional<String> queryParameter(String name) {
    int q = target.indexOf('?');
    if (q < 0) return Optional.empty();
    int end = target.indexOf('#', q);
    String query = target.substring(q + 1, end < 0 ? target.length() : end);
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key != null && key.equals(name)) {
        return Optional.ofNullable(decode(eq < 0 ? "" : pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, "UTF-8");
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The raw body (not a copy). */
  @SuppressWarnings("mutable") // Documented: the body is handed over, not copied.
  public byte[] body() {
    return body;
  }

  /** The target's path without the query: never the query, which may hold a token. */
  @Override
  public String toString() {
    int q = target.indexOf('?');
    return "WebhookRequest{"
        + (q < 0 ? target : target.substring(0, q))
        + ", "
        + body.length
        + " bytes}";
  }
}
