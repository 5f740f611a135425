package io.github.pixverse4j.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A request as a {@link Handler} sees it: the {@link RecordedRequest} plus the route's path groups.
 */
public final class SimRequest {
  private final RecordedRequest recorded;
  private final List<String> pathGroups;

  SimRequest(RecordedRequest recorded, List<String> pathGroups) {
    this.recorded = recorded;
    this.pathGroups = pathGroups;
  }

  /** The recorded request. */
  public RecordedRequest recorded() {
    return recorded;
  }

  /**
   * The percent-decoded regex group {@code group} (1-based) of the route's path pattern, or null.
   */
  public String pathParam(int group) {
    if (group < 1 || group > pathGroups.size()) {
      throw new IndexOutOfBoundsException(
          "group " + group + " of a pattern with " + pathGroups.size() + " groups");
    }
    String raw = pathGroups.get(group - 1);
    return raw == null ? null : percentDecode(raw);
  }

  public String method() {
    return recorded.method();
  }

  public String path() {
    return recorded.path();
  }

  public String header(String name) {
    return recorded.header(name);
  }

  public String queryParameter(String name) {
    return recorded.queryParameter(name);
  }

  public byte[] body() {
    return recorded.body();
  }

  public String bodyUtf8() {
    return recorded.bodyUtf8();
  }

  /**
   * The body parsed as JSON.
   *
   * @throws IllegalArgumentException when the body is empty or not JSON (catch it to answer 400)
   */
  public JsonNode bodyJson() {
    try {
      JsonNode node = Json.MAPPER.readTree(recorded.body());
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("request body is empty");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("request body is not JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return recorded.toString();
  }

  static String percentDecode(String s) {
    Objects.requireNonNull(s, "s == null");
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write((hi << 4) | lo);
          i += 3;
          continue;
        }
      }
      int cp = s.codePointAt(i);
      byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, bytes.length);
      i += Character.charCount(cp);
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
