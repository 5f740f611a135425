package io.github.pixverse4j.simulator;

import io.github.pixverse4j.api.internal.DurationText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something that goes wrong with one request; immutable. Schedule faults with {@link
 * ProviderSimulator#faults()}.
 *
 * <p>A faulted request is always recorded. Faults that answer in place of the endpoint ({@link
 * #status}, {@link #emptyBody}, {@link #malformedJson}, {@link #wrongContentType}, {@link
 * #hugeBody}, {@link #noContent}) skip the route's handler, so a faulted submit creates no job,
 * unless {@link #afterHandling()} is added. Faults that break the real answer ({@link
 * #dropAfterRead}, {@link #truncatedBody}, {@link #dropMidBody}, {@link #delay}, {@link
 * #wrongContentRange}, {@link #shortCompleteBody}, {@link #trickle}, {@link #hostileTaskId}) run
 * the handler first: a submit creates its job and the client cannot know it.
 *
 * <p>What a client sees: {@code dropBeforeRead} and {@code dropAfterRead} both look like a
 * connection closed before any response byte (an {@code IOException}; a reset or an EOF, which one
 * depends on timing, so a client cannot tell them apart and must treat a dropped submit as "outcome
 * unknown"). {@code truncatedBody} and {@code dropMidBody} send a status line and headers, then
 * close early: the client sees an {@code IOException} while reading the body. The others are
 * well-formed HTTP responses.
 */
public final class Fault {
  enum Kind {
    NONE("none"),
    STATUS("status"),
    EMPTY_BODY("emptyBody"),
    MALFORMED_JSON("malformedJson"),
    WRONG_CONTENT_TYPE("wrongContentType"),
    HUGE_BODY("hugeBody"),
    DROP_BEFORE_READ("dropBeforeRead"),
    DROP_AFTER_READ("dropAfterRead"),
    TRUNCATED_BODY("truncatedBody"),
    DROP_MID_BODY("dropMidBody"),
    WRONG_CONTENT_RANGE("wrongContentRange"),
    SHORT_COMPLETE_BODY("shortCompleteBody"),
    TRICKLE("trickle"),
    NO_CONTENT("noContent"),
    HOSTILE_TASK_ID("hostileTaskId");

    final String factoryName;

    Kind(String factoryName) {
      this.factoryName = factoryName;
    }

    boolean replacesResponse() {
      return this == STATUS
          || this == EMPTY_BODY
          || this == MALFORMED_JSON
          || this == WRONG_CONTENT_TYPE
          || this == HUGE_BODY
          || this == NO_CONTENT;
    }
  }

  static final String LOGIN_PAGE =
      "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Sign"
          + " in</form></body></html>";
  static final String MALFORMED_JSON_BODY = "{\"status\": \"running\", \"progress\": ";
  static final String HTML_BODY =
      "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
          + "<body><h1>Bad Gateway</h1><p>The upstream server is unavailable.</p></body></html>";

  private final Kind kind;
  private final int status;
  private final String body;
  private final String contentType;
  private final long size;
  private final boolean chunked;
  private final Duration delay;
  private final List<Map.Entry<String, String>> headers;
  private final boolean afterHandling;

  private Fault(
      Kind kind,
      int status,
      String body,
      String contentType,
      long size,
      boolean chunked,
      Duration delay,
      List<Map.Entry<String, String>> headers,
      boolean afterHandling) {
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.contentType = contentType;
    this.size = size;
    this.chunked = chunked;
    this.delay = delay;
    this.headers = headers;
    this.afterHandling = afterHandling;
  }

  private static Fault of(Kind kind, int status, String body, String contentType, long size) {
    return new Fault(
        kind,
        status,
        body,
        contentType,
        size,
        false,
        Duration.ZERO,
        Collections.emptyList(),
        false);
  }

  /** No fault: the request is handled normally (use it to exempt one call from {@code always}). */
  public static Fault none() {
    return of(Kind.NONE, 0, null, null, 0);
  }

  /**
   * Answers with this status and body instead of the endpoint. The content type is JSON when the
   * body starts with <code>{</code> or {@code [}, else plain text; see {@link #withContentType}.
   */
  public static Fault status(int code, String body) {
    requireStatus(code);
    Objects.requireNonNull(body, "body == null");
    String trimmed = body.trim();
    String type =
        trimmed.startsWith("{") || trimmed.startsWith("[")
            ? SimResponse.JSON_UTF8
            : SimResponse.TEXT_UTF8;
    return of(Kind.STATUS, code, body, type, 0);
  }

  /** Answers with this status, a JSON content type and a zero-length body. */
  public static Fault emptyBody(int status) {
    requireStatus(status);
    return of(Kind.EMPTY_BODY, status, "", SimResponse.JSON_UTF8, 0);
  }

  /** Waits, then handles the request normally. The request is recorded before the wait. */
  public static Fault delay(Duration delay) {
    return none().withDelay(delay);
  }

  /**
   * Closes the connection without reading the request body and without responding. The request is
   * recorded with {@link RecordedRequest#bodyLength()} -1; the handler never runs.
   */
  public static Fault dropBeforeRead() {
    return of(Kind.DROP_BEFORE_READ, 0, null, null, 0);
  }

  /**
   * Reads and records the request, runs the handler (a submit creates its job), then closes the
   * connection without responding: the "submit outcome unknown" case.
   */
  public static Fault dropAfterRead() {
    return of(Kind.DROP_AFTER_READ, 0, null, null, 0);
  }

  /**
   * Runs the handler, sends its status and headers with the full Content-Length, then only the
   * first half of the body, and closes the connection. An empty body is declared as one byte.
   */
  public static Fault truncatedBody() {
    return of(Kind.TRUNCATED_BODY, 0, null, null, -1);
  }

  /**
   * Like {@link #truncatedBody()} but closes after {@code afterBytes} body bytes; meant for media
   * downloads. If the body is not longer than that, it stops one byte short.
   */
  public static Fault dropMidBody(long afterBytes) {
    if (afterBytes < 0) {
      throw new IllegalArgumentException("afterBytes must be >= 0: " + afterBytes);
    }
    return of(Kind.DROP_MID_BODY, 0, null, null, afterBytes);
  }

  /**
   * Runs the handler, then answers {@code 206 Partial Content} with its body from byte {@code
   * offset} on and a {@code Content-Range} saying so, whatever the request asked for: a media host
   * or proxy that answers a {@code Range: bytes=<n>-} request with other bytes. Meant for media.
   */
  public static Fault wrongContentRange(long offset) {
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0: " + offset);
    return of(Kind.WRONG_CONTENT_RANGE, 0, null, null, offset);
  }

  /**
   * Runs the handler, then sends a complete, well-framed answer with only the first half of its
   * body ({@code Content-Length} says half): what a client can tell from a whole video only by the
   * size the provider declared. Meant for media.
   */
  public static Fault shortCompleteBody() {
    return of(Kind.SHORT_COMPLETE_BODY, 0, null, null, 0);
  }

  /**
   * Runs the handler, sends its status and headers, then the body one byte every {@code perByte}:
   * never silent long enough for a read timeout, yet a 1 KiB body at 1 s per byte takes 17 minutes.
   * The request thread is held for as long (or until the client gives up).
   */
  public static Fault trickle(Duration perByte) {
    Objects.requireNonNull(perByte, "perByte == null");
    if (perByte.isNegative() || perByte.isZero()) {
      throw new IllegalArgumentException("perByte must be positive: " + perByte);
    }
    return new Fault(
        Kind.TRICKLE,
        0,
        null,
        null,
        perByte.toNanos(),
        false,
        Duration.ZERO,
        Collections.emptyList(),
        false);
  }

  /**
   * Answers 200 with an HTML login page and no {@code Content-Type} at all, as a misconfigured
   * storage host or captive portal might; {@code withContentType("application/octet-stream")} gives
   * the same page as an unknown binary. A downloader must refuse it by its first bytes.
   */
  public static Fault untypedHtml() {
    return of(Kind.STATUS, 200, LOGIN_PAGE, null, 0);
  }

  /**
   * Answers {@code 204 No Content}: no body, no content type, so no task id, as a gateway that
   * swallows the answer might. Add {@link #afterHandling()} for a submit that created its job.
   */
  public static Fault noContent() {
    return of(Kind.NO_CONTENT, 204, "", null, 0);
  }

  /**
   * Runs the handler with the job created under {@code id} instead of the simulator's own id, so
   * that the answer carries it in the provider's own field (a submit's task id; PixVerse's numeric
   * {@code video_id} becomes a string when {@code id} is not a number): a provider, or whatever
   * stands in its place, that answers with an id such as {@code ..} or {@code a/b}, which a client
   * must never put into a URL path. Meant for submits; on other endpoints it changes nothing.
   */
  public static Fault hostileTaskId(String id) {
    Objects.requireNonNull(id, "id == null");
    if (id.isEmpty()) throw new IllegalArgumentException("id must not be empty");
    return of(Kind.HOSTILE_TASK_ID, 0, id, null, 0);
  }

  /** Answers 200 {@code application/json} with a body that is not valid JSON. */
  public static Fault malformedJson() {
    return of(Kind.MALFORMED_JSON, 200, MALFORMED_JSON_BODY, SimResponse.JSON_UTF8, 0);
  }

  /** Answers 200 with a {@code text/html} error page, as a proxy or captive portal would. */
  public static Fault wrongContentType() {
    return of(Kind.WRONG_CONTENT_TYPE, 200, HTML_BODY, "text/html; charset=utf-8", 0);
  }

  /**
   * Answers 200 {@code application/json} with a valid JSON document of exactly {@code bytes} bytes
   * (at least 11), declared in Content-Length and streamed, never held in memory.
   */
  public static Fault hugeBody(long bytes) {
    if (bytes < 11) {
      throw new IllegalArgumentException("bytes must be >= 11: " + bytes);
    }
    return of(Kind.HUGE_BODY, 200, null, SimResponse.JSON_UTF8, bytes);
  }

  /** Like {@link #hugeBody(long)} but chunked, so the client learns the size only by reading. */
  public static Fault hugeChunkedBody(long bytes) {
    Fault f = hugeBody(bytes);
    return new Fault(
        f.kind, f.status, f.body, f.contentType, f.size, true, f.delay, f.headers, false);
  }

  /** Returns a copy that also sends this header (e.g. {@code Retry-After}) with its response. */
  public Fault withHeader(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
    copy.add(new SimpleImmutableEntry<>(name, value));
    return new Fault(
        kind,
        status,
        body,
        contentType,
        size,
        chunked,
        delay,
        Collections.unmodifiableList(copy),
        afterHandling);
  }

  /** Returns a copy that answers with this content type (null for none). */
  public Fault withContentType(String contentType) {
    if (!kind.replacesResponse()) {
      throw new IllegalStateException(kind + " does not choose the content type");
    }
    return new Fault(kind, status, body, contentType, size, chunked, delay, headers, afterHandling);
  }

  /** Returns a copy that first waits this long (after recording the request). */
  public Fault withDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0: " + DurationText.of(delay));
    }
    return new Fault(kind, status, body, contentType, size, chunked, delay, headers, afterHandling);
  }

  /**
   * Returns a copy that runs the handler (auth check included) and throws its answer away before
   * answering with this fault: e.g. a submit that creates its job and still answers 500.
   */
  public Fault afterHandling() {
    if (!kind.replacesResponse()) {
      throw new IllegalStateException(
          kind
              + " cannot be combined with afterHandling(): it "
              + (kind == Kind.DROP_BEFORE_READ ? "never runs the handler" : "already runs it"));
    }
    return new Fault(kind, status, body, contentType, size, chunked, delay, headers, true);
  }

  Kind kind() {
    return kind;
  }

  Duration delay() {
    return delay;
  }

  List<Map.Entry<String, String>> headers() {
    return headers;
  }

  long size() {
    return size;
  }

  /** The id a {@link Kind#HOSTILE_TASK_ID} fault gives the job its request creates. */
  String taskId() {
    return body;
  }

  /** Whether the route's auth check and handler run. */
  boolean runsHandler() {
    return kind != Kind.DROP_BEFORE_READ && (!kind.replacesResponse() || afterHandling);
  }

  /** The response a {@link Kind#replacesResponse()} fault sends. */
  SimResponse response() {
    SimResponse r;
    if (kind == Kind.HUGE_BODY) {
      r = SimResponse.streamed(status, contentType, StreamedBody.jsonFiller(size));
    } else {
      r = SimResponse.of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
    return r.withExtraHeaders(headers);
  }

  boolean chunked() {
    return chunked;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    switch (kind) {
      case NONE:
        b.append(delay.isZero() ? "none" : "delay");
        break;
      case STATUS:
        b.append("status(").append(status).append(')');
        break;
      case EMPTY_BODY:
        b.append("emptyBody(").append(status).append(')');
        break;
      case HUGE_BODY:
        b.append(chunked ? "hugeChunkedBody(" : "hugeBody(").append(size).append(')');
        break;
      case DROP_MID_BODY:
        b.append("dropMidBody(").append(size).append(')');
        break;
      case WRONG_CONTENT_RANGE:
        b.append("wrongContentRange(").append(size).append(')');
        break;
      case TRICKLE:
        b.append("trickle(").append(Duration.ofNanos(size)).append(')');
        break;
      case HOSTILE_TASK_ID:
        b.append("hostileTaskId(").append(body).append(')');
        break;
      default:
        b.append(kind.factoryName).append("()");
    }
    if (!delay.isZero()) {
      b.append(" after ").append(DurationText.of(delay));
    }
    for (Map.Entry<String, String> h : headers) {
      b.append(" +").append(h.getKey()).append(": ").append(h.getValue());
    }
    if (afterHandling) {
      b.append(" afterHandling");
    }
    return b.toString();
  }

  private static void requireStatus(int code) {
    if (code < 100 || code > 999) {
      throw new IllegalArgumentException("code must be a 3-digit HTTP status: " + code);
    }
  }
}
