package io.github.pixverse4j.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The simulator kit's callback (webhook) sender: POSTs a provider's callback to a receiver on
 * loopback, synchronously, with scripted faults. A provider simulator builds the body and signs it
 * ({@link Signer}); this delivers it, or not, as the next {@link Fault} says. Thread-safe.
 */
public final class CallbackSender {
  /** What happens to the next callback. */
  public enum Fault {
    /** Never sent (a callback lost on the way). */
    LOST,
    /** Sent twice, the second with a fresh nonce (a provider's resend). */
    DUPLICATED,
    /** Held until {@link #flushHeld()}. */
    DELAYED,
    /** Held until after the next callback is sent. */
    OUT_OF_ORDER,
    /** Sent with a signature (or token) that does not verify. */
    WRONG_SIGNATURE,
    /** Signed with a timestamp an hour old (a replay of an old callback). */
    OLD_TIMESTAMP
  }

  /** Signs one callback: the headers (and for token-style providers, the URL) to send. */
  public interface Signer {
    /**
     * @param body the body to send
     * @param epochSeconds the timestamp to sign with
     * @param nonce a fresh random nonce (32 alphanumerics)
     * @param forge when true, produce credentials that must not verify
     */
    Signed sign(byte[] body, long epochSeconds, String nonce, boolean forge);
  }

  /** What a {@link Signer} returns: the URL to post to and the headers. */
  public static final class Signed {
    final String url;
    final Map<String, String> headers;

    public Signed(String url, Map<String, String> headers) {
      this.url = Objects.requireNonNull(url, "url == null");
      this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
  }

  /**
   * How a callback travels: over HTTP by default ({@link #http()}); a contract test can hand it to
   * a handler in-process instead.
   */
  public interface Transport {
    /** Posts {@code body} with {@code headers} to {@code url} and returns what was answered. */
    Delivery post(String url, Map<String, String> headers, byte[] body);
  }

  /** The default transport: a POST with {@code HttpURLConnection} (loopback). */
  public static Transport http() {
    return CallbackSender::httpPost;
  }

  /** One POST made: its HTTP status (-1 when it failed) and body. */
  public static final class Delivery {
    private final int status;
    private final String answer;

    /**
     * @param status the HTTP status, -1 when nothing was answered
     * @param answer the answer's body
     */
    public Delivery(int status, String answer) {
      this.status = status;
      this.answer = answer;
    }

    public int status() {
      return status;
    }

    public String answer() {
      return answer;
    }

    @Override
    public String toString() {
      return status + " " + answer;
    }
  }

  private final Clock clock;
  private final Transport transport;
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<Runnable> held = new ArrayList<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private final java.util.Random random;
  private Runnable outOfOrder;

  /**
   * @param clock the simulator's clock, for timestamps
   * @param seed seeds the nonces, so a run is repeatable
   */
  public CallbackSender(Clock clock, long seed) {
    this(clock, seed, http());
  }

  /** A sender whose callbacks travel by {@code transport}. */
  public CallbackSender(Clock clock, long seed, Transport transport) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.random = new java.util.Random(seed);
    this.transport = Objects.requireNonNull(transport, "transport == null");
  }

  /** Queues faults for the next callbacks, one each, in order. */
  public synchronized CallbackSender nextFaults(Fault... next) {
    Collections.addAll(faults, next);
    return this;
  }

  /** Sends (or not, per the next fault) one callback. */
  public void send(byte[] body, Signer signer) {
    Fault fault;
    synchronized (this) {
      fault = faults.poll();
    }
    long now = clock.instant().getEpochSecond();
    Runnable post =
        () ->
            post(
                body,
                signer.sign(
                    body,
                    fault == Fault.OLD_TIMESTAMP ? now - Duration.ofHours(1).getSeconds() : now,
                    nonce(),
                    fault == Fault.WRONG_SIGNATURE));
    Runnable previous;
    synchronized (this) {
      previous = outOfOrder;
      outOfOrder = null;
      if (fault == Fault.LOST) {
        post = null;
      } else if (fault == Fault.DELAYED) {
        held.add(post);
        post = null;
      } else if (fault == Fault.OUT_OF_ORDER) {
        outOfOrder = post;
        post = null;
      }
    }
    if (post != null) post.run();
    if (fault == Fault.DUPLICATED && post != null) {
      post(body, signer.sign(body, now, nonce(), false));
    }
    if (previous != null) previous.run();
  }

  /** Sends every callback held by {@link Fault#DELAYED}, and one held out of order. */
  public void flushHeld() {
    List<Runnable> now;
    synchronized (this) {
      now = new ArrayList<>(held);
      held.clear();
      if (outOfOrder != null) now.add(outOfOrder);
      outOfOrder = null;
    }
    for (Runnable r : now) r.run();
  }

  /** Every POST made so far, in order. */
  public synchronized List<Delivery> deliveries() {
    return Collections.unmodifiableList(new ArrayList<>(deliveries));
  }

  private synchronized String nonce() {
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < 32; i++) sb.append(chars.charAt(random.nextInt(chars.length())));
    return sb.toString();
  }

  private void post(byte[] body, Signed signed) {
    Delivery d = transport.post(signed.url, signed.headers, body);
    synchronized (this) {
      deliveries.add(d);
    }
  }

  private static Delivery httpPost(String url, Map<String, String> headers, byte[] body) {
    int status = -1;
    String answer = "";
    try {
      HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.setConnectTimeout(5000);
      c.setReadTimeout(10000);
      c.setRequestProperty("Content-Type", "application/json");
      for (Map.Entry<String, String> h : headers.entrySet()) {
        c.setRequestProperty(h.getKey(), h.getValue());
      }
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
      status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      if (in != null) {
        try (InputStream i = in) {
          answer = new String(readAll(i), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      answer = e.toString();
    }
    return new Delivery(status, answer);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
    return out.toByteArray();
  }
}
