package io.github.pixverse4j.reliability.matrix;

import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An application interceptor on the cell's base OkHttp client. It records every attempt the client
 * makes, per endpoint, including attempts that never reach the simulator; and it makes "connection
 * refused" real for one endpoint by sending that endpoint's first calls to a loopback port nobody
 * listens on (bound, read, closed), so the socket connect itself is refused; and it replaces a
 * response's {@code Date} for the skewed-clock fault ({@link #SERVER_DATE}).
 */
final class Wire implements Interceptor {
  /**
   * A response header that stands for the server's {@code Date}: the simulator's JDK server always
   * sends its own clock's {@code Date}, so Wire puts this value in its place (a server whose clock
   * is off).
   */
  static final String SERVER_DATE = "X-Matrix-Server-Date";

  private final ProviderSimulator simulator;
  private final Map<String, List<Long>> attempts = new HashMap<>();
  private volatile String refusedEndpoint;
  private final AtomicInteger refusalsLeft = new AtomicInteger();
  private final int closedPort;

  Wire(ProviderSimulator simulator) {
    this.simulator = simulator;
    this.closedPort = closedLoopbackPort();
  }

  /** Refuses the connection of the next {@code count} calls to {@code endpoint}. */
  void refuse(String endpoint, int count) {
    refusalsLeft.set(count);
    refusedEndpoint = endpoint;
  }

  String endpointOf(Request r) {
    if (r.url().encodedPath().startsWith("/media/")) return "media";
    String endpoint = simulator.endpointOf(r.method(), r.url().encodedPath());
    return endpoint == null ? "other" : endpoint;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String endpoint = endpointOf(request);
    synchronized (attempts) {
      attempts.computeIfAbsent(endpoint, k -> new ArrayList<>()).add(System.nanoTime());
    }
    if (endpoint.equals(refusedEndpoint) && refusalsLeft.getAndDecrement() > 0) {
      request =
          request.newBuilder().url(request.url().newBuilder().port(closedPort).build()).build();
    }
    Response response = chain.proceed(request);
    String serverDate = response.header(SERVER_DATE);
    if (serverDate == null) return response;
    return response.newBuilder().header("Date", serverDate).removeHeader(SERVER_DATE).build();
  }

  /** How many times the client tried {@code endpoint}. */
  int attempts(String endpoint) {
    synchronized (attempts) {
      List<Long> a = attempts.get(endpoint);
      return a == null ? 0 : a.size();
    }
  }

  /** When the client tried {@code endpoint}, in {@link System#nanoTime()}. */
  List<Long> attemptTimes(String endpoint) {
    synchronized (attempts) {
      return new ArrayList<>(attempts.getOrDefault(endpoint, List.of()));
    }
  }

  int totalAttempts() {
    synchronized (attempts) {
      return attempts.values().stream().mapToInt(List::size).sum();
    }
  }

  @Override
  public String toString() {
    synchronized (attempts) {
      StringBuilder b = new StringBuilder("attempts{");
      attempts.forEach((k, v) -> b.append(k).append('=').append(v.size()).append(' '));
      return b.append('}').toString();
    }
  }

  private static int closedLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
