package io.github.pixverse4j.client.http;

import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/** Validates provider base URLs: HTTPS everywhere except on this machine. */
public final class BaseUrls {
  private BaseUrls() {}

  /**
   * Parses {@code url} as a provider base URL and adds the trailing slash Retrofit needs.
   *
   * <p>Plain {@code http} is accepted only for loopback hosts ({@code localhost}, {@code
   * 127.0.0.0/8}, {@code ::1}), which is what local simulators use. User info, a query or a
   * fragment are refused because they would be silently dropped or sent to the wrong place.
   *
   * @throws IllegalArgumentException when the URL cannot be used, saying why
   */
  public static HttpUrl require(String url) {
    if (url == null) throw new NullPointerException("url == null");
    HttpUrl parsed = HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException(
          "Base URL is not an absolute http(s) URL, such as https://api.example.com/");
    }
    return require(parsed);
  }

  /** Same as {@link #require(String)} for an already parsed URL. */
  public static HttpUrl require(HttpUrl url) {
    if (url == null) throw new NullPointerException("url == null");
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new IllegalArgumentException(
          "Base URL must not contain user info (user:password@); pass the API key separately");
    }
    if (url.encodedQuery() != null || url.encodedFragment() != null) {
      throw new IllegalArgumentException(
          "Base URL must not have a query or fragment: "
              + url.scheme()
              + "://"
              + url.host()
              + "/…");
    }
    if (!url.isHttps() && !isLoopback(url)) {
      throw new IllegalArgumentException(
          "Base URL must use HTTPS (got http://"
              + url.host()
              + "): plain HTTP would send the API key and your prompts unencrypted. Plain HTTP is"
              + " allowed only for loopback hosts such as localhost or 127.0.0.1");
    }
    List<String> segments = url.pathSegments();
    if (!segments.get(segments.size() - 1).isEmpty()) {
      url = url.newBuilder().addPathSegment("").build();
    }
    return url;
  }

  /**
   * Whether {@code url} names this machine by a loopback literal: {@code localhost}, an address in
   * {@code 127.0.0.0/8}, or {@code ::1}. No name resolution happens.
   */
  static boolean isLoopback(HttpUrl url) {
    if (url == null) throw new NullPointerException("url == null");
    String host = url.host().toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.equals("localhost.") || host.equals("::1")) return true;
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) return false;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3) return false;
      for (int i = 0; i < p.length(); i++) {
        if (p.charAt(i) < '0' || p.charAt(i) > '9') return false;
      }
      if (Integer.parseInt(p) > 255) return false;
    }
    return true;
  }

  /**
   * Whether both URLs have the same scheme, host and port: the rule for where credentials may go.
   * Providers that follow URLs handed out by the server check them with this.
   */
  public static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }
}
