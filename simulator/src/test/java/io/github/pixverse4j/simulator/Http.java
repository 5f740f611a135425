package io.github.pixverse4j.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Loopback HTTP for the simulator tests: java.net.http for normal calls, a raw socket to see the
 * bytes. Public (in the simulator's tests-jar) for the tests of the simulators in the provider
 * modules.
 */
public final class Http {
  // A fresh client per test instance, so a dropped connection never meets a pooled one.
  public final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public HttpResponse<byte[]> get(String url, String... headers)
      throws IOException, InterruptedException {
    return client.send(
        request(url, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<byte[]> post(String url, String body, String... headers)
      throws IOException, InterruptedException {
    return client.send(
        request(url, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<InputStream> getStream(String url, String... headers)
      throws IOException, InterruptedException {
    return client.send(
        request(url, headers).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  public static HttpRequest.Builder request(String url, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  public static String utf8(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Sends a raw HTTP/1.1 request and returns every byte the server sent until it closed. */
  public static RawResponse raw(int port, String method, String path, String... headers)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
      socket.setSoTimeout(10_000);
      StringBuilder req =
          new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      for (int i = 0; i < headers.length; i += 2) {
        req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      req.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      boolean reset = false;
      try {
        int n;
        while ((n = in.read(buffer)) != -1) {
          received.write(buffer, 0, n);
        }
      } catch (java.net.SocketException e) {
        reset = true;
      }
      return new RawResponse(received.toByteArray(), reset);
    }
  }

  public static final class RawResponse {
    public final byte[] bytes;
    public final boolean reset;

    RawResponse(byte[] bytes, boolean reset) {
      this.bytes = bytes;
      this.reset = reset;
    }

    public String head() {
      String all = new String(bytes, StandardCharsets.ISO_8859_1);
      int end = all.indexOf("\r\n\r\n");
      return end < 0 ? all : all.substring(0, end);
    }

    public int bodyLength() {
      String all = new String(bytes, StandardCharsets.ISO_8859_1);
      int end = all.indexOf("\r\n\r\n");
      return end < 0 ? 0 : bytes.length - end - 4;
    }

    public long declaredContentLength() {
      for (String line : head().split("\r\n")) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        }
      }
      return -1;
    }
  }

  public static String[] bearer(String key) {
    return new String[] {"Authorization", "Bearer " + key};
  }
}
