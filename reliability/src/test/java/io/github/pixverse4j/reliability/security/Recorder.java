package io.github.pixverse4j.reliability.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Another origin on this machine (127.0.0.1, its own port) that records every request's headers and
 * answers 200 with a small body, or a redirect when told to. Stands for "a different host".
 */
final class Recorder implements AutoCloseable {
  /** One request as received. */
  static final class Seen {
    final String method;
    final String target;
    final Map<String, List<String>> headers;

    Seen(String method, String target, Map<String, List<String>> headers) {
      this.method = method;
      this.target = target;
      this.headers = headers;
    }

    /** Every header name and value, for searching. */
    String all() {
      return target + " " + headers;
    }

    @Override
    public String toString() {
      return method + " " + target + " headers " + headers.keySet();
    }
  }

  final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "recorder");
            t.setDaemon(true);
            return t;
          });
  volatile String redirectTo;
  volatile String body = "{}";
  volatile String contentType = "application/json";

  Recorder() throws IOException {
    server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void handle(HttpExchange x) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    x.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    seen.add(new Seen(x.getRequestMethod(), x.getRequestURI().toString(), headers));
    x.getRequestBody().readAllBytes();
    if (redirectTo != null) {
      x.getResponseHeaders().add("Location", redirectTo);
      x.sendResponseHeaders(302, -1);
      x.close();
      return;
    }
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", contentType);
    x.sendResponseHeaders(200, b.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
