package io.github.pixverse4j.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP request as the simulator received it; immutable.
 *
 * <p>Every request is recorded: routed or not, authorised or not, faulted or not. Header lookup
 * ignores case. Bodies longer than {@link ProviderSimulator#MAX_RECORDED_BODY_BYTES} keep only
 * their first bytes; {@link #bodyLength()} is always the full length.
 */
public final class RecordedRequest {
  private final long sequence;
  private final Instant receivedAt;
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final long bodyLength;
  private final String endpointName;
  private final int callNumber;
  private final boolean credentialsSent;
  private final Fault fault;

  RecordedRequest(
      long sequence,
      Instant receivedAt,
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      byte[] body,
      long bodyLength,
      String endpointName,
      int callNumber,
      boolean credentialsSent,
      Fault fault) {
    this.sequence = sequence;
    this.receivedAt = receivedAt;
    this.method = method;
    this.path = path;
    this.query = query;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      copy.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
    }
    copy.replaceAll((k, v) -> Collections.unmodifiableList(v));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
    this.bodyLength = bodyLength;
    this.endpointName = endpointName;
    this.callNumber = callNumber;
    this.credentialsSent = credentialsSent;
    this.fault = fault;
  }

  /** 1-based arrival order across all endpoints of the simulator. */
  public long sequence() {
    return sequence;
  }

  /** Arrival time on the simulator's clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The request path as sent (still percent-encoded), including any base path. */
  public String path() {
    return path;
  }

  /** The raw query string without {@code ?}, or null. */
  public String query() {
    return query;
  }

  /** The path plus {@code ?query} when there is one. */
  public String target() {
    return query == null ? path : path + "?" + query;
  }

  /** The first decoded value of a query parameter, or null. */
  public String queryParameter(String name) {
    Objects.requireNonNull(name, "name == null");
    List<String> values = queryParameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** All decoded query parameters in order; a parameter without {@code =} has the value "". */
  public Map<String, List<String>> queryParameters() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return result;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  /** The first value of a header (name case-insensitive), or null. */
  public String header(String name) {
    Objects.requireNonNull(name, "name == null");
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** All values of a header (name case-insensitive); empty when absent. */
  public List<String> headerValues(String name) {
    Objects.requireNonNull(name, "name == null");
    List<String> values = headers.get(name);
    return values == null ? Collections.emptyList() : values;
  }

  /** All headers; the map's lookups ignore case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The recorded body bytes (a copy); empty when there was none or it was never read. */
  public byte[] body() {
    return body.clone();
  }

  public String bodyUtf8() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The full body length in bytes, or -1 when the body was never read (a {@link
   * Fault#dropBeforeRead()} request).
   */
  public long bodyLength() {
    return bodyLength;
  }

  /** True when the body exceeded the recording cap and {@link #body()} holds only its start. */
  public boolean bodyTruncated() {
    return bodyLength > body.length;
  }

  /** The name of the route the request matched ("submit", "status", "media", ...), or null. */
  public String endpointName() {
    return endpointName;
  }

  /**
   * The 1-based call number of this request on its endpoint, as used by {@link FaultPlan}; 0 when
   * no route matched.
   */
  public int callNumber() {
    return callNumber;
  }

  /**
   * True when the request carried a credential header (see {@link
   * ProviderSimulator#credentialHeaders()}) or the simulator's API key anywhere in a header value
   * or the query.
   */
  public boolean credentialsSent() {
    return credentialsSent;
  }

  /** The fault applied to this request, or null. */
  public Fault fault() {
    return fault;
  }

  /** Method, target, endpoint and body size; never header values, which may hold secrets. */
  @Override
  public String toString() {
    return "#"
        + sequence
        + " "
        + method
        + " "
        + target()
        + (endpointName == null ? "" : " (" + endpointName + " call " + callNumber + ")")
        + (bodyLength > 0 ? ", body " + bodyLength + " bytes" : "")
        + (fault == null ? "" : ", fault " + fault);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, "UTF-8");
    } catch (java.io.UnsupportedEncodingException | IllegalArgumentException e) {
      return s;
    }
  }
}
