package io.github.pixverse4j.client.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;

/** A JDK HTTP server on 127.0.0.1 that records every request it receives. */
final class LocalServer implements AutoCloseable {
  /** What the server saw; header names are lower case. */
  record Recorded(String method, String path, Map<String, List<String>> headers) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  final List<Recorded> requests = new CopyOnWriteArrayList<>();

  private LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(executor);
  }

  static LocalServer start() throws IOException {
    LocalServer s = new LocalServer();
    s.server.start();
    return s;
  }

  /**
   * A started server whose {@code /api} answers every request (its body read) with 200 and {@code
   * {"id":"job-1"}}.
   */
  static LocalServer jsonApi() throws IOException {
    LocalServer s = start();
    s.handle(
        "/api",
        ex -> {
          drain(ex);
          respond(ex, 200, "application/json", "{\"id\":\"job-1\"}");
        });
    return s;
  }

  /** Handles {@code path} and everything below it; records the request first. */
  LocalServer handle(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          Map<String, List<String>> headers = new TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
          requests.add(
              new Recorded(
                  exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers));
          try {
            handler.handle(exchange);
          } finally {
            exchange.close();
          }
        });
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  HttpUrl url(String path) {
    return HttpUrl.get("http://127.0.0.1:" + port() + path);
  }

  List<Recorded> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static void drain(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }
}
