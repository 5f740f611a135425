package io.github.pixverse4j.client;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One HTTP call a {@link VideoOperation} made, as {@link VideoEventListener#httpCallStart} and
 * {@link VideoEventListener#httpCallEnd} see it: the same object from the start to the end, so a
 * listener may use it as a key (identity). Provider calls (submit, upload, status, cancel, a
 * provider's follow-up call) and video downloads alike; one per call as the application sends it,
 * before any credential is added. Thread-safe.
 */
public final class HttpExchange {
  private final String method;
  private final String url;
  private final String scheme;
  private final String host;
  private final int port;
  private final long startNanos;
  private volatile int statusCode = -1;
  private volatile String failureType;

  HttpExchange(String method, String url, String scheme, String host, int port, long startNanos) {
    this.method = method;
    this.url = url;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.startNanos = startNanos;
  }

  /** {@code GET}, {@code POST}, … */
  public String method() {
    return method;
  }

  /**
   * The URL without user info, each query value replaced by {@code …} (presigned media URLs carry
   * their credentials there) and the API key scrubbed, as the HTTP log writes it; safe to record.
   */
  public String url() {
    return url;
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return scheme;
  }

  /** The host the call goes to. */
  public String host() {
    return host;
  }

  /** The port the call goes to, the scheme's default included (443, 80). */
  public int port() {
    return port;
  }

  /** {@link VideoOperation#nanoTime()} when the call started. */
  public long startNanos() {
    return startNanos;
  }

  /** The answer's HTTP status; empty before the end and when there was no answer. */
  public OptionalInt statusCode() {
    int c = statusCode;
    return c < 0 ? OptionalInt.empty() : OptionalInt.of(c);
  }

  /**
   * The class name of what failed the call when there was no answer, such as {@code
   * java.net.SocketTimeoutException}; empty before the end and when answered. Only the type: its
   * message may quote a URL.
   */
  public Optional<String> failureType() {
    return Optional.ofNullable(failureType);
  }

  void answered(int code) {
    this.statusCode = code;
  }

  void failed(Throwable failure) {
    this.failureType = failure.getClass().getName();
  }

  @Override
  public String toString() {
    int c = statusCode;
    String f = failureType;
    return method + " " + url + (c >= 0 ? " -> " + c : f != null ? " -> " + f : "");
  }
}
