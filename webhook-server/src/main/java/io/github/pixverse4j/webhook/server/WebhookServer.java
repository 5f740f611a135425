package io.github.pixverse4j.webhook.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.pixverse4j.client.webhook.WebhookHandler;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.github.pixverse4j.client.webhook.WebhookResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives provider callbacks on the JDK's {@code com.sun.net.httpserver}: each path is mounted on
 * a {@link WebhookHandler} ({@code client.webhookHandler()}), every POST to it is handed over with
 * its target, headers and raw body, and the handler's answer is sent back.
 *
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.builder()
 *     .bind(new InetSocketAddress(8080))
 *     .route("/hooks/pixverse", client.webhookHandler())
 *     .build()
 *     .start()) { ... }
 * }</pre>
 *
 * <p>Bounded: a body over {@link Builder#maxBodyBytes} (default 1 MiB; callbacks are a few hundred
 * bytes) is refused with 413 before it is read, and the connection closed. Only POST is accepted
 * (405). Logs name the path and the status, never the query (a token may be there), headers or
 * body; it holds no API key, and answers carry only the handler's few words. Terminate TLS in front
 * of it (a reverse proxy): providers call https URLs.
 */
public final class WebhookServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WebhookServer.class.getName());

  /** The default body limit: {@value} bytes. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  private final InetSocketAddress address;
  private final Map<String, WebhookHandler> routes;
  private final int maxBodyBytes;
  private final int threads;
  private HttpServer server;
  private ExecutorService executor;

  private WebhookServer(Builder b) {
    this.address = b.address;
    this.routes = new LinkedHashMap<>(b.routes);
    this.maxBodyBytes = b.maxBodyBytes;
    this.threads = b.threads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening.
   *
   * @throws IOException when the address cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized WebhookServer start() throws IOException {
    if (server != null) throw new IllegalStateException("already started");
    HttpServer s = HttpServer.create(address, 64);
    for (Map.Entry<String, WebhookHandler> r : routes.entrySet()) {
      WebhookHandler h = r.getValue();
      s.createContext(r.getKey(), exchange -> serve(exchange, h));
    }
    executor = Executors.newFixedThreadPool(threads);
    s.setExecutor(executor);
    s.start();
    server = s;
    return this;
  }

  /** The port listened on (the one chosen when bound to port 0). */
  public synchronized int port() {
    if (server == null) throw new IllegalStateException("not started");
    return server.getAddress().getPort();
  }

  /**
   * {@code http://host:port} + {@code path}, for tests and examples on loopback (an address bound
   * to every interface is given as 127.0.0.1).
   *
   * @throws IllegalArgumentException unless {@code path} starts with '/', as {@link Builder#route}
   * @throws IllegalStateException when not started
   */
  public String url(String path) {
    checkPath(path);
    InetAddress a = address.getAddress();
    String host = a == null || a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
    if (host.contains(":")) host = "[" + host + "]";
    return "http://" + host + ":" + port() + path;
  }

  /** Stops at once (waiting at most a second for exchanges under way). */
  @Override
  public synchronized void close() {
    if (server == null) return;
    server.stop(1);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  private void serve(HttpExchange exchange, WebhookHandler handler) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, WebhookResponse.of(405, "POST only"), path);
        return;
      }
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      if (length != null && tooLong(length)) {
        exchange.getResponseHeaders().set("Connection", "close");
        answer(exchange, WebhookResponse.of(413, "body too large"), path);
        return;
      }
      byte[] body = readBounded(exchange.getRequestBody());
      if (body == null) {
        exchange.getResponseHeaders().set("Connection", "close");
        answer(exchange, WebhookResponse.of(413, "body too large"), path);
        return;
      }
      WebhookResponse r =
          handler.handle(
              WebhookRequest.of(
                  exchange.getRequestURI().toString(), exchange.getRequestHeaders(), body));
      answer(exchange, r, path);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook handler failed on " + path, e);
      answer(exchange, WebhookResponse.of(500, "error"), path);
    } finally {
      exchange.close();
    }
  }

  private boolean tooLong(String length) {
    try {
      return Long.parseLong(length.trim()) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** The body, or null when it exceeds the limit. */
  private byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) > 0; ) {
      if (out.size() + n > maxBodyBytes) return null;
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static void answer(HttpExchange exchange, WebhookResponse r, String path)
      throws IOException {
    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", r.contentType());
    exchange.sendResponseHeaders(r.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    LOG.log(Level.FINE, "Webhook {0}: {1}", new Object[] {path, r.status()});
  }

  private static void checkPath(String path) {
    if (path == null) throw new NullPointerException("path == null");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: \"" + path + "\"");
    }
  }

  /** Builds a {@link WebhookServer}. */
  public static final class Builder {
    private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private final Map<String, WebhookHandler> routes = new LinkedHashMap<>();
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int threads = 4;

    private Builder() {}

    /**
     * Where to listen. Without it the server listens on the loopback address (127.0.0.1) only, on
     * an ephemeral port the system chooses ({@link WebhookServer#port()} tells which): reachable
     * from this machine, as tests want, but not by a provider; bind a reachable address (behind
     * TLS) to receive real callbacks.
     */
    public Builder bind(InetSocketAddress address) {
      if (address == null) throw new NullPointerException("address == null");
      this.address = address;
      return this;
    }

    /**
     * Mounts {@code handler} on {@code path} (and the paths under it).
     *
     * @throws IllegalArgumentException unless {@code path} starts with '/', or when {@code path}
     *     already has a route (one handler per path)
     */
    public Builder route(String path, WebhookHandler handler) {
      checkPath(path);
      if (handler == null) throw new NullPointerException("handler == null");
      if (routes.containsKey(path)) {
        throw new IllegalArgumentException(
            "path \"" + path + "\" already has a route: one handler per path");
      }
      routes.put(path, handler);
      return this;
    }

    /** Largest body accepted, in bytes, 1 or more; default {@link #DEFAULT_MAX_BODY_BYTES}. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes);
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Threads serving requests, 1 or more; default 4. */
    public Builder threads(int threads) {
      if (threads < 1) throw new IllegalArgumentException("threads " + threads);
      this.threads = threads;
      return this;
    }

    /**
     * The server, not started.
     *
     * @throws IllegalStateException without a route
     */
    public WebhookServer build() {
      if (routes.isEmpty()) throw new IllegalStateException("no route: call route(path, handler)");
      return new WebhookServer(this);
    }
  }
}
