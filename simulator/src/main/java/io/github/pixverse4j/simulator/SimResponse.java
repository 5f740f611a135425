package io.github.pixverse4j.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An HTTP response a simulator route sends; immutable. */
public final class SimResponse {
  static final String JSON_UTF8 = "application/json; charset=utf-8";
  static final String TEXT_UTF8 = "text/plain; charset=utf-8";

  private final int status;
  private final String contentType;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final StreamedBody streamed;

  private SimResponse(
      int status,
      String contentType,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      StreamedBody streamed) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status must be a 3-digit HTTP status: " + status);
    }
    this.status = status;
    this.contentType = contentType;
    this.headers = headers;
    this.body = body;
    this.streamed = streamed;
  }

  /**
   * A JSON response; {@code body} (maps, lists, POJOs, Jackson nodes) is serialised by Jackson. A
   * {@code String} becomes a JSON string; use {@link #rawJson} for JSON text.
   */
  public static SimResponse json(int status, Object body) {
    try {
      return of(status, JSON_UTF8, Json.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise body as JSON: " + e.getMessage(), e);
    }
  }

  /** A JSON response whose body is already JSON text, sent as is. */
  public static SimResponse rawJson(int status, String json) {
    Objects.requireNonNull(json, "json == null");
    return of(status, JSON_UTF8, json.getBytes(StandardCharsets.UTF_8));
  }

  /** A {@code text/plain} UTF-8 response. */
  public static SimResponse text(int status, String text) {
    Objects.requireNonNull(text, "text == null");
    return of(status, TEXT_UTF8, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A response with any content type (null for none) and body. */
  public static SimResponse of(int status, String contentType, byte[] body) {
    Objects.requireNonNull(body, "body == null");
    return new SimResponse(status, contentType, Collections.emptyList(), body.clone(), null);
  }

  /** A response with no body and no content type. */
  public static SimResponse empty(int status) {
    return new SimResponse(status, null, Collections.emptyList(), new byte[0], null);
  }

  static SimResponse streamed(int status, String contentType, StreamedBody body) {
    return new SimResponse(status, contentType, Collections.emptyList(), null, body);
  }

  /** Returns a copy with one more header (added, not replacing an existing one). */
  public SimResponse withHeader(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
    copy.add(new SimpleImmutableEntry<>(name, value));
    return new SimResponse(status, contentType, Collections.unmodifiableList(copy), body, streamed);
  }

  /** Returns a copy with another content type (null for none). */
  public SimResponse withContentType(String contentType) {
    return new SimResponse(status, contentType, headers, body, streamed);
  }

  SimResponse withExtraHeaders(List<Map.Entry<String, String>> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
    copy.addAll(extra);
    return new SimResponse(status, contentType, Collections.unmodifiableList(copy), body, streamed);
  }

  public int status() {
    return status;
  }

  /** The content type, or null. */
  public String contentType() {
    return contentType;
  }

  /** Extra headers in the order they were added. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The first value of an extra header (name case-insensitive), or null. */
  public String header(String name) {
    Objects.requireNonNull(name, "name == null");
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** The body length in bytes. */
  public long bodyLength() {
    return streamed != null ? streamed.length() : body.length;
  }

  /** A copy of the body; not available for the simulator's synthetic streamed bodies. */
  public byte[] body() {
    if (streamed != null) {
      throw new IllegalStateException("streamed body of " + streamed.length() + " bytes");
    }
    return body.clone();
  }

  public String bodyUtf8() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  /** The body bytes without copying, or null for a streamed body. */
  byte[] bodyBytes() {
    return body;
  }

  StreamedBody streamedBody() {
    return streamed;
  }

  @Override
  public String toString() {
    return "SimResponse[" + status + ", " + contentType + ", " + bodyLength() + " bytes]";
  }
}
